package io.switchboard.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.config.ConfigException;
import io.switchboard.config.Configuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retry interval of a refused login, from the shipped config/ and the environment. */
class LoginSettingsTest {
    private static LoginSettings settings(Map<String, String> environment) {
        return LoginSettings.from(Configuration.load(Path.of("config"), environment::get));
    }

    @Test
    void shouldTryARefusedLoginAgainEveryFiveMinutesByDefault() {
        assertEquals(new LoginSettings(Duration.ofMinutes(5)), settings(Map.of()));
        assertEquals(LoginSettings.DEFAULTS, settings(Map.of()));
    }

    @Test
    void shouldTakeTheIntervalFromTheEnvironment() {
        assertEquals(Duration.ofMillis(1500), settings(Map.of("SWITCHBOARD_LOGIN_RETRY_MS", "1500")).retryInterval());
    }

    @Test
    void shouldRefuseAnIntervalShorterThanASecondNamingTheVariable() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> settings(Map.of("SWITCHBOARD_LOGIN_RETRY_MS", "10")));
        assertEquals("SWITCHBOARD_LOGIN_RETRY_MS (switchboard.login-retry-ms) must be a whole number of milliseconds "
                + "from 1000 to 86400000, got '10'", refused.getMessage());
        assertThrows(ConfigException.class, () -> settings(Map.of("SWITCHBOARD_LOGIN_RETRY_MS", "5m")));
    }
}
