package io.switchboard.salesforce;

import io.switchboard.config.ConfigException;
import io.switchboard.config.Configuration;
import io.switchboard.config.Numbers;
import io.switchboard.config.Option;
import java.time.Duration;
import java.util.List;

/** When a connection's traffic pauses for the org's daily API allowance, and how often a paused one is probed. */
public record ApiPauseSettings(double share, Duration probeInterval) {
    public static final Option SHARE = Option.of("switchboard.api-pause-share", "SWITCHBOARD_API_PAUSE_SHARE", "0.95",
            "share of the daily API allowance above which a connection's events wait (0 < share <= 1)");
    public static final Option PROBE_MS = Option.of("switchboard.api-pause-probe-ms", "SWITCHBOARD_API_PAUSE_PROBE_MS",
            "60000", "how often a paused connection asks Salesforce for its usage (one GET /limits call)");
    public static final ApiPauseSettings DEFAULTS = new ApiPauseSettings(0.95, Duration.ofMinutes(1));

    public static ApiPauseSettings from(Configuration configuration) {
        return new ApiPauseSettings(share(configuration),
                Duration.ofMillis(Numbers.inRange(configuration, PROBE_MS, 10, 86_400_000)));
    }

    private static double share(Configuration configuration) {
        String value = configuration.value(SHARE);
        try {
            double share = Double.parseDouble(value.strip());
            if (share > 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below with what is expected
        }
        throw new ConfigException(SHARE.envName() + " (" + SHARE.key() + ") must be a share of the allowance above 0"
                + " and at most 1, such as 0.95, got '" + value + "'");
    }

    /** Whether this usage is above the share at which traffic pauses. */
    public boolean above(long used, long max) {
        return max > 0 && used > share * max;
    }

    public List<String> describe() {
        return List.of("api-pause-share=" + share, "api-pause-probe=" + probeInterval);
    }
}
