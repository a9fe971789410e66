package io.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
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

    private CommandRun checkConnection(Path home) {
        Map<String, String> env = Map.of("SF_LOGIN_URL", emulator.baseUrl(), "SF_CLIENT_ID", SeededOrg.CLIENT_ID,
                "SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET, "SWITCHBOARD_DATA_DIR", dataDir.toString());
        return CommandRun.run(home, env, "check-connection");
    }

    @Test
    void shouldFindEveryShippedMappingUsableInTheSeededOrg() {
        CommandRun check = checkConnection(Path.of("").toAbsolutePath());
        String output = check.output();
        assertEquals(0, check.exitCode(), output);
        assertTrue(output.contains("all exist and fit"), output);
        assertTrue(output.contains("result          usable"), output);
    }

    @Test
    void shouldSaveTheDescribesOfTheObjectsTheMappingsWriteForValidate() throws Exception {
        CommandRun check = checkConnection(Path.of("").toAbsolutePath());

        String output = check.output();
        assertEquals(0, check.exitCode(), output);
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
        ProjectCopy.copyConfig(home);
        Path call = home.resolve("config/call.yaml");
        int line = ProjectCopy.edit(call, "outbound-call:", "CallObject: {variable: callId}",
                "Call_Reference__c: {variable: callId}");

        CommandRun check = checkConnection(home);

        String output = check.output();
        assertEquals(1, check.exitCode(), output);
        assertTrue(output.contains("problem         " + call + ":" + line + ": Task.Call_Reference__c: no such field on Task"),
                output);
        assertTrue(output.contains("result          NOT usable"), output);
    }

    @Test
    void shouldNameTheLineOfAContactFieldTheContactSyncMapsOrMatchesOnThatTheOrgLacks(@TempDir Path home)
            throws Exception {
        ProjectCopy.copyConfig(home);
        Path sync = home.resolve("config/contact-sync.yaml");
        int mapped = ProjectCopy.edit(sync, "fields:", "salesforce: MobilePhone", "salesforce: MobilPhone");
        int matched = ProjectCopy.edit(sync, "match:", "phoneFields: [Phone, MobilePhone]", "phoneFields: [Phone, Email]");

        CommandRun check = checkConnection(home);

        String output = check.output();
        assertEquals(1, check.exitCode(), output);
        assertTrue(output.contains("problem         " + sync + ":" + mapped + ": Contact.MobilPhone: no such field on Contact"),
                output);
        assertTrue(output.contains("problem         " + sync + ":" + matched + ": Contact.Email: is a email field; "
                + "phone searches need phone fields"), output);
        assertTrue(output.contains("result          NOT usable"), output);
    }

    @Test
    void shouldNameTheLineOfAReferralSendFieldThatCannotBeWrittenBack(@TempDir Path home) throws Exception {
        ProjectCopy.copyConfig(home);
        Path send = home.resolve("config/referral-send.yaml");
        // CreatedDate exists on every record, but is set by Salesforce alone: the write-back could never change it
        int line = ProjectCopy.edit(send, "referenceNumberField:", "CX_Reference_Number__c", "CreatedDate");

        CommandRun check = checkConnection(home);

        String output = check.output();
        assertEquals(1, check.exitCode(), output);
        assertTrue(output.contains("problem         " + send + ":" + line + ": Referral__c.CreatedDate: cannot be "
                + "changed on an existing record (not updateable for this user)"), output);
        assertTrue(output.contains("result          NOT usable"), output);
    }
}
