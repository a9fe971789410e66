package io.switchboard.bench;

import java.util.Map;

/**
 * Salesforce API calls per event of one kind, for the engine and the baseline.
 *
 * @param target the most calls the engine should need, or 0 where none is set
 * @param engineEndpoints the engine's calls per event by endpoint, to show where they go
 */
record CallCount(String kind, double engine, double naive, double target, Map<String, Double> engineEndpoints,
                 long failed) {
}
