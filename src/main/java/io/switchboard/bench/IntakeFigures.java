package io.switchboard.bench;

import java.util.Optional;

/**
 * What the intake alone did: events answered 202 per second, how long the answers took, and whether the store
 * holds every event it accepted.
 */
record IntakeFigures(long accepted, double acceptedPerSecond, LatencySummary answerTimes, long stored,
                     long peakHeapMb, Optional<String> problem) {
}
