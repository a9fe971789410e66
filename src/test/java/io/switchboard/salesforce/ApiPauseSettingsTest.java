package io.switchboard.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.config.ConfigException;
import io.switchboard.config.Configuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API-allowance pause settings from the shipped config/ and the environment. */
class ApiPauseSettingsTest {
    private static ApiPauseSettings settings(Map<String, String> environment) {
        return ApiPauseSettings.from(Configuration.load(Path.of("config"), environment::get));
    }

    @Test
    void shouldPauseAbove95PercentAndProbeEveryMinuteByDefault() {
        ApiPauseSettings defaults = settings(Map.of());
        assertEquals(new ApiPauseSettings(0.95, Duration.ofMinutes(1)), defaults);
        assertFalse(defaults.above(950, 1000));
        assertTrue(defaults.above(951, 1000));
        assertFalse(defaults.above(5, -1), "no usage reported yet is no reason to pause");
    }

    @Test
    void shouldRefuseAShareOutsideZeroToOneNamingTheVariable() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> settings(Map.of("SWITCHBOARD_API_PAUSE_SHARE", "95%")));
        assertEquals("SWITCHBOARD_API_PAUSE_SHARE (switchboard.api-pause-share) must be a share of the allowance above 0"
                + " and at most 1, such as 0.95, got '95%'", refused.getMessage());
        assertThrows(ConfigException.class, () -> settings(Map.of("SWITCHBOARD_API_PAUSE_SHARE", "1.5")));
        assertThrows(ConfigException.class, () -> settings(Map.of("SWITCHBOARD_API_PAUSE_PROBE_MS", "soon")));
    }
}
