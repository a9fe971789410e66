package io.switchboard.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.config.ConfigException;
import io.switchboard.config.Configuration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The download concurrency from the shipped config/ and the environment. */
class DownloadSettingsTest {
    private static DownloadSettings settings(Map<String, String> environment) {
        return DownloadSettings.from(Configuration.load(Path.of("config"), environment::get));
    }

    @Test
    void shouldDownloadFourFilesAtOnceUnlessTheEnvironmentSaysOtherwise() {
        assertEquals(new DownloadSettings(4), settings(Map.of()));
        assertEquals(new DownloadSettings(12), settings(Map.of("SWITCHBOARD_ATTACHMENT_DOWNLOAD_CONCURRENCY", "12")));
    }

    @Test
    void shouldRefuseAConcurrencyOutOfRangeNamingTheVariable() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> settings(Map.of("SWITCHBOARD_ATTACHMENT_DOWNLOAD_CONCURRENCY", "0")));
        assertEquals("SWITCHBOARD_ATTACHMENT_DOWNLOAD_CONCURRENCY (switchboard.attachments.download-concurrency) must be "
                + "a whole number from 1 to 64, got '0'", refused.getMessage());
    }
}
