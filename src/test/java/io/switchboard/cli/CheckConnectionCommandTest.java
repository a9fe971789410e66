package io.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-connection also proves that what the mapping files write exists in the org, as configured. */
class CheckConnectionCommandTest {
    private static SalesforceEmulator emulator;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    @TempDir
    Path dataDir;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private int checkConnection(Path home) {
        Map<String, String> env = Map.of("SF_LOGIN_URL", emulator.baseUrl(), "SF_CLIENT_ID", SeededOrg.CLIENT_ID,
                "SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET, "SWITCHBOARD_DATA_DIR", dataDir.toString());
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        return CommandLine.withStandardCommands(new Console(stream, stream, env::get, home)).run("check-connection");
    }

    @Test
    void shouldFindEveryShippedMappingUsableInTheSeededOrg() {
        int exit = checkConnection(Path.of("").toAbsolutePath());
        String output = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, output);
        assertTrue(output.contains("all exist and fit"), output);
        assertTrue(output.contains("result          usable"), output);
    }

    @Test
    void shouldSaveTheDescribesOfTheObjectsTheMappingsWriteForValidate() throws Exception {
        int exit = checkConnection(Path.of("").toAbsolutePath());

        String output = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, output);
        Path folder = dataDir.resolve("describes/default");
        assertTrue(output.contains("describes       6 saved for validate in " + folder), output);
        try (var files = Files.list(folder)) {
            assertEquals(List.of("Case.json", "Contact.json", "Lead.json", "Referral__c.json", "Task.json",
                    "casexchange__CX_Intake__c.json"), files.map(file -> file.getFileName().toString()).sorted().toList());
        }
        JsonNode task = new ObjectMapper().readTree(folder.resolve("Task.json").toFile());
        assertEquals("http://localhost:" + emulator.port(), task.path("instanceUrl").asText());
        assertTrue(Duration.between(Instant.parse(task.path("fetchedAt").asText()), Instant.now()).toMinutes() < 5,
                task.toString());
        assertTrue(task.path("fields").findValuesAsText("name").contains("CallObject"), task.toString());
    }

    @Test
    void shouldNameTheFileLineAndFieldOfAMappingTheOrgCannotTake(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("config"));
        try (var files = Files.list(Path.of("config"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, home.resolve("config").resolve(file.getFileName()));
            }
        }
        Path call = home.resolve("config/call.yaml");
        Files.writeString(call, Files.readString(call).replace("CallObject: {variable: callId}",
                "Call_Reference__c: {variable: callId}"));

        int exit = checkConnection(home);

        String output = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, output);
        assertTrue(output.contains("call.yaml:"), output);
        assertTrue(output.contains("Task.Call_Reference__c"), output);
        assertTrue(output.contains("result          NOT usable"), output);
    }
}
