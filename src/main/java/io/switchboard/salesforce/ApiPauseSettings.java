package io.switchboard.salesforce;

import io.switchboard.config.Configuration;
import io.switchboard.config.EngineOptions;
import java.time.Duration;

/** When a connection's traffic pauses for the org's daily API allowance, and how often a paused one is probed. */
public record ApiPauseSettings(double share, Duration probeInterval) {
    public static final ApiPauseSettings DEFAULTS = new ApiPauseSettings(
            EngineOptions.API_PAUSE_SHARE.valueOf(null), EngineOptions.API_PAUSE_PROBE.valueOf(null));

    public static ApiPauseSettings from(Configuration configuration) {
        return new ApiPauseSettings(EngineOptions.API_PAUSE_SHARE.read(configuration),
                EngineOptions.API_PAUSE_PROBE.read(configuration));
    }

    /** Whether this usage is above the share at which traffic pauses. */
    public boolean above(long used, long max) {
        return max > 0 && used > share * max;
    }
}
