package io.switchboard.processing;

import io.switchboard.config.Configuration;
import io.switchboard.config.Numbers;
import io.switchboard.config.Option;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The short retry of a step inside its route ({@code routes/salesforce-errors.camel.yaml}) before the failure goes
 * to the worker's longer backoff. The route file reads them as the placeholders named here.
 */
public record InRouteRetrySettings(int attempts, Duration initialDelay) {
    public static final Option ATTEMPTS = Option.of("switchboard.retry.in-route-attempts",
            "SWITCHBOARD_RETRY_IN_ROUTE_ATTEMPTS", "3",
            "times a step that Salesforce answered as busy is tried again at once within its route (0: never)");
    public static final Option INITIAL_DELAY_MS = Option.of("switchboard.retry.in-route-delay-ms",
            "SWITCHBOARD_RETRY_IN_ROUTE_DELAY_MS", "500",
            "wait before the first in-route retry; doubles per retry, with jitter");

    public static InRouteRetrySettings from(Configuration configuration) {
        return new InRouteRetrySettings((int) Numbers.inRange(configuration, ATTEMPTS, 0, 10),
                Duration.ofMillis(Numbers.inRange(configuration, INITIAL_DELAY_MS, 1, 60_000)));
    }

    /** The values the route file's placeholders resolve to. */
    public Map<String, String> placeholders() {
        return Map.of(ATTEMPTS.key(), String.valueOf(attempts), INITIAL_DELAY_MS.key(), String.valueOf(initialDelay.toMillis()));
    }

    public List<String> describe() {
        return List.of("in-route-retries=" + attempts + " from " + initialDelay);
    }
}
