package io.switchboard.processing;

import io.switchboard.config.Configuration;
import io.switchboard.config.EngineOptions;
import java.time.Duration;
import java.util.Map;

/**
 * The short retry of a step inside its route ({@code routes/salesforce-errors.camel.yaml}) before the failure goes
 * to the worker's longer backoff. The route file reads them as the placeholders named here.
 */
public record InRouteRetrySettings(int attempts, Duration initialDelay) {
    public static InRouteRetrySettings from(Configuration configuration) {
        return new InRouteRetrySettings(EngineOptions.RETRY_IN_ROUTE_ATTEMPTS.read(configuration),
                EngineOptions.RETRY_IN_ROUTE_DELAY.read(configuration));
    }

    /** The values the route file's placeholders resolve to. */
    public Map<String, String> placeholders() {
        return Map.of(EngineOptions.RETRY_IN_ROUTE_ATTEMPTS.key(), String.valueOf(attempts),
                EngineOptions.RETRY_IN_ROUTE_DELAY.key(), String.valueOf(initialDelay.toMillis()));
    }
}
