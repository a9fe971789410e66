package io.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
    @TempDir
    Path dir;

    private Configuration load(String application, Map<String, String> env) throws Exception {
        Files.writeString(dir.resolve("application.properties"), application);
        return Configuration.load(dir, env::get);
    }

    @Test
    void shouldLetTheEnvironmentOverrideTheFile() throws Exception {
        Configuration configuration = load("switchboard.port = 9000\n", Map.of("SWITCHBOARD_PORT", "9100"));
        assertEquals("9100", configuration.value(EngineOptions.PORT));
    }

    @Test
    void shouldFallBackToTheFileAndThenToTheDefault() throws Exception {
        Configuration configuration = load("switchboard.port = 9000\n", Map.of());
        assertEquals("9000", configuration.value(EngineOptions.PORT));
        assertEquals("./data", configuration.value(EngineOptions.DATA_DIR));
    }

    @Test
    void shouldResolveEnvironmentPlaceholdersWithDefaults() throws Exception {
        Configuration configuration = load("a = {{env:A_VAR}}\nb = x-{{env:B_VAR:fallback}}\nc = {{env:UNSET}}\n",
                Map.of("A_VAR", "from-env"));
        assertEquals("from-env", configuration.value("a", null).orElseThrow());
        assertEquals("x-fallback", configuration.value("b", null).orElseThrow());
        assertTrue(configuration.value("c", null).isEmpty(), "an unset variable without default leaves the key absent");
    }

    @Test
    void shouldReadSecretFilesWithoutTheirTrailingNewline() throws Exception {
        Path secretFile = dir.resolve("token");
        Files.writeString(secretFile, "s3cr3t\n");
        Configuration configuration = load("switchboard.api-token = {{secret:" + secretFile + "}}\n", Map.of());
        EngineSettings settings = EngineSettings.from(configuration);
        assertEquals("s3cr3t", settings.apiToken().reveal());
    }

    @Test
    void shouldRefuseACredentialWrittenAsALiteral() throws Exception {
        Configuration configuration = load("\n\nswitchboard.api-token = plain-text-token\n", Map.of());
        ConfigException e = assertThrows(ConfigException.class, () -> EngineSettings.from(configuration));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("{{env:NAME}}"), e.getMessage());
        assertFalse(e.getMessage().contains("plain-text-token"), "the refused value itself is not repeated");
    }

    @Test
    void shouldReportARepeatedKeyWithBothLines() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("a = 1\n# comment\na = 2\n", Map.of()));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("already set on line 1"), e.getMessage());
    }

    @Test
    void shouldReportALineWithoutSeparator() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("a = 1\njust words\n", Map.of()));
        assertEquals(2, e.line());
        assertTrue(e.located().endsWith("application.properties:2: expected 'key = value', found 'just words'"), e.located());
    }

    @Test
    void shouldReportAnUnknownPlaceholderFunction() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("a = {{vault:x}}\n", Map.of()));
        assertEquals(1, e.line());
    }

    @Test
    void shouldRefuseToStartWithoutATokenUnlessInsecure() throws Exception {
        EngineSettings secured = EngineSettings.from(load("", Map.of()));
        ConfigException e = assertThrows(ConfigException.class, secured::requireApiTokenUnlessInsecure);
        assertTrue(e.getMessage().contains("SWITCHBOARD_API_TOKEN"), e.getMessage());

        EngineSettings insecure = EngineSettings.from(load("", Map.of("SWITCHBOARD_INSECURE", "true")));
        insecure.requireApiTokenUnlessInsecure();
        assertNull(insecure.apiToken());
    }

    @Test
    void shouldMaskTheTokenAndDatabasePasswordInTheEffectiveConfiguration() throws Exception {
        Configuration configuration = load("", Map.of("SWITCHBOARD_API_TOKEN", "tok-123456",
                "SWITCHBOARD_DB_URL", "jdbc:postgresql://db/sb?user=sb&password=hunter2"));
        String described = configuration.effective(EngineOptions.ALL);
        assertFalse(described.contains("tok-123456"), described);
        assertFalse(described.contains("hunter2"), described);
        assertTrue(described.contains("switchboard.api-token=****"), described);
        assertTrue(described.contains("switchboard.db-url=jdbc:postgresql://db/sb?user=sb&password=****"), described);
        assertTrue(described.contains("switchboard.worker.concurrency=128"), described);
    }

    @Test
    void shouldLocateAnInvalidValueAtItsFileAndLineOrAtItsVariable() throws Exception {
        Configuration fromFile = load("switchboard.port = 8080\nswitchboard.worker.concurrency = eight\n", Map.of());
        List<ConfigException> problems = fromFile.problems(EngineOptions.ALL);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(2, problems.get(0).line());
        assertEquals("switchboard.worker.concurrency must be a whole number from 1 to 256, got 'eight'",
                problems.get(0).getMessage());
        Configuration fromEnvironment = load("", Map.of("SWITCHBOARD_API_PAUSE_SHARE", "1.5"));
        assertEquals(List.of("SWITCHBOARD_API_PAUSE_SHARE (switchboard.api-pause-share) must be a share of the allowance "
                + "above 0 and at most 1, such as 0.95, got '1.5'"), fromEnvironment.problems(EngineOptions.ALL).stream()
                .map(ConfigException::getMessage).toList());
    }

    @Test
    void shouldRefuseAPortOutOfRange() throws Exception {
        Configuration configuration = load("", Map.of("SWITCHBOARD_PORT", "70000"));
        ConfigException e = assertThrows(ConfigException.class, () -> EngineSettings.from(configuration));
        assertTrue(e.getMessage().contains("SWITCHBOARD_PORT"), e.getMessage());
    }
}
