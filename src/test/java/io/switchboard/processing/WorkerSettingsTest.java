package io.switchboard.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.config.ConfigException;
import io.switchboard.config.Configuration;
import io.switchboard.intake.IntakeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's and intake's settings from the shipped config/ and the environment. */
class WorkerSettingsTest {
    private static Configuration configuration(Map<String, String> environment) {
        return Configuration.load(Path.of("config"), environment::get);
    }

    @Test
    void shouldDefaultToAtMost128EventsAtOnceRetriesFromOneSecondToFiveMinutesAndTenMegabyteBodies() {
        WorkerSettings worker = WorkerSettings.from(configuration(Map.of("SWITCHBOARD_NODE_ID", "node-7")));
        assertEquals(new WorkerSettings(128, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5), "node-7",
                Duration.ofMinutes(1)), worker);
        assertEquals(10 * 1024 * 1024, IntakeSettings.from(configuration(Map.of())).maxBodyBytes());
    }

    @Test
    void shouldRefuseAConcurrencyThatIsNotAPositiveNumberNamingTheVariable() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> WorkerSettings.from(configuration(Map.of("SWITCHBOARD_WORKER_CONCURRENCY", "lots"))));
        assertEquals("SWITCHBOARD_WORKER_CONCURRENCY (switchboard.worker.concurrency) must be a whole number from 1 to 256, "
                + "got 'lots'", refused.getMessage());
        assertThrows(ConfigException.class, () -> WorkerSettings.from(configuration(Map.of("SWITCHBOARD_WORKER_CONCURRENCY", "0"))));
    }

    @Test
    void shouldRefuseABodyLimitBelowOneKilobyte() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> IntakeSettings.from(configuration(Map.of("SWITCHBOARD_MAX_BODY_BYTES", "10"))));
        assertEquals("SWITCHBOARD_MAX_BODY_BYTES (switchboard.max-body-bytes) must be a whole number from 1024 to 2147483647, "
                + "got '10'", refused.getMessage());
    }
}
