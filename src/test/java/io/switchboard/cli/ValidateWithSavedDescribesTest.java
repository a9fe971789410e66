package io.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate checks the mappings' Salesforce fields and picklist values offline, against the describes check-connection
 * saved while it could reach the org: the emulator runs over HTTP for check-connection and is stopped before validate.
 */
class ValidateWithSavedDescribesTest {
    private static final String NOT_CHECKED = "Salesforce field names and picklist values were not checked for "
            + "connection 'default': run check-connection once to save its describes.";

    @TempDir
    Path home;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void copyTheShippedConfig() throws Exception {
        ProjectCopy.copyConfig(home);
        environment.put("SWITCHBOARD_DATA_DIR", home.resolve("data").toString());
    }

    /** check-connection through the username-password flow, so that every kind of credential is there to leak. */
    private int checkConnectionThenStopTheOrg() {
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            Map<String, String> login = new HashMap<>(environment);
            login.putAll(Map.of("SF_LOGIN_URL", emulator.baseUrl(), "SF_CLIENT_ID", SeededOrg.CLIENT_ID,
                    "SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET, "SF_USERNAME", SeededOrg.USERNAME,
                    "SF_PASSWORD", SeededOrg.PASSWORD, "SF_SECURITY_TOKEN", SeededOrg.SECURITY_TOKEN));
            CommandRun check = CommandRun.run(home, login, "check-connection");
            assertEquals(0, check.exitCode(), check.output());
            return emulator.port();
        }
    }

    private CommandRun validate() {
        return CommandRun.run(home, environment, "validate");
    }

    @Test
    void shouldNameTheFileAndLineOfAnUnknownFieldAndPicklistValueWithTheOrgStopped() throws Exception {
        int port = checkConnectionThenStopTheOrg();
        Path call = home.resolve("config/call.yaml");
        int fieldLine = ProjectCopy.edit(call, "outbound-call:", "CallObject: {variable: callId}",
                "Call_Reference__c: {variable: callId}");
        int picklistLine = ProjectCopy.edit(call, "inbound-call:", "CallType: {picklist: Inbound}",
                "CallType: {picklist: Incoming}");

        CommandRun validate = validate();

        assertEquals(1, validate.exitCode(), validate.output());
        assertEquals(List.of(
                "config/call.yaml:" + picklistLine + ": Task.CallType: 'Incoming' is not an active picklist value; "
                        + "allowed values are Inbound, Outbound, Internal",
                "config/call.yaml:" + fieldLine + ": Task.Call_Reference__c: no such field on Task",
                "Field checks used the describes check-connection saved for 'default' less than a minute ago "
                        + "(data/describes/default, from http://localhost:" + port + ").",
                "2 problems found."), validate.output().lines().toList());
    }

    @Test
    void shouldNameTheFileAndLineOfAContactSyncFieldTheOrgLacksWithTheOrgStopped() throws Exception {
        int port = checkConnectionThenStopTheOrg();
        Path sync = home.resolve("config/contact-sync.yaml");
        int mapped = ProjectCopy.edit(sync, "fields:", "salesforce: FirstName, direction: both",
                "salesforce: First_Name, direction: to-source");
        int matched = ProjectCopy.edit(sync, "match:", "emailFields: [Email]", "emailFields: [EMail__c]");

        CommandRun validate = validate();

        assertEquals(1, validate.exitCode(), validate.output());
        assertEquals(List.of(
                "config/contact-sync.yaml:" + mapped + ": Contact.First_Name: no such field on Contact",
                "config/contact-sync.yaml:" + matched + ": Contact.EMail__c: no such field on Contact",
                "Field checks used the describes check-connection saved for 'default' less than a minute ago "
                        + "(data/describes/default, from http://localhost:" + port + ").",
                "2 problems found."), validate.output().lines().toList());
    }

    @Test
    void shouldNameTheLineOfAReferralSendFieldOrStatusTheOrgLacksWithTheOrgStopped() throws Exception {
        int port = checkConnectionThenStopTheOrg();
        Path send = home.resolve("config/referral-send.yaml");
        int written = ProjectCopy.edit(send, "cxIdField:", "cxIdField: CX_Id__c", "cxIdField: CaseXchange_Id__c");
        int status = ProjectCopy.edit(send, "failedStatus:", "failedStatus: Send failed", "failedStatus: Not sent");
        int sent = ProjectCopy.edit(send, "fields:", "receivingFirm: Receiving_Firm__c", "receivingFirm: Firm__c");

        CommandRun validate = validate();

        assertEquals(1, validate.exitCode(), validate.output());
        List<String> lines = validate.output().lines().toList();
        assertEquals(List.of(
                "config/referral-send.yaml:" + written + ": Referral__c.CaseXchange_Id__c: no such field on Referral__c",
                "config/referral-send.yaml:" + status + ": Referral__c.Status__c: 'Not sent' is not an active picklist "
                        + "value; allowed values are ",
                "config/referral-send.yaml:" + sent + ": Referral__c.Firm__c: no such field on Referral__c",
                "Field checks used the describes check-connection saved for 'default' less than a minute ago "
                        + "(data/describes/default, from http://localhost:" + port + ").",
                "3 problems found."),
                lines.stream().map(line -> line.replaceFirst("(allowed values are ).*", "$1")).toList());
        assertTrue(lines.get(1).contains("Send failed"), "the allowed values are listed: " + lines.get(1));
    }

    @Test
    void shouldAcceptTheShippedMappingsAgainstTheSavedDescribes() {
        checkConnectionThenStopTheOrg();

        CommandRun validate = validate();

        assertEquals(0, validate.exitCode(), validate.output());
        assertTrue(validate.output().startsWith("Field checks used the describes check-connection saved for 'default' "),
                validate.output());
        assertTrue(validate.output().endsWith("All route and config files are valid.\n"), validate.output());
    }

    @Test
    void shouldSayPlainlyThatFieldsWereNotCheckedWhenNothingWasSaved() {
        CommandRun validate = validate();

        assertEquals(0, validate.exitCode(), validate.output());
        assertEquals(List.of(NOT_CHECKED, "All route and config files are valid."), validate.output().lines().toList());
    }

    @Test
    void shouldNameASavedDescribeThatCannotBeRead() throws Exception {
        checkConnectionThenStopTheOrg();
        Files.writeString(home.resolve("data/describes/default/Task.json"), "{\"format\": 1, \"connection\": ");

        CommandRun validate = validate();

        assertEquals(1, validate.exitCode(), validate.output());
        List<String> lines = validate.output().lines().toList();
        assertTrue(lines.get(0).startsWith("data/describes/default/Task.json: not a saved describe validate can use: "
                + "not valid JSON: "), validate.output());
        assertTrue(lines.get(0).endsWith("; run check-connection again to replace it"), validate.output());
        assertTrue(lines.contains("Salesforce fields of Task on connection 'default' were not checked: check-connection "
                + "saved no readable describe of it; run check-connection again."), validate.output());
        assertFalse(validate.output().contains("Exception"), validate.output());
    }

    @Test
    void shouldKeepEveryCredentialAndTheSessionOutOfTheSavedDescribes() throws Exception {
        checkConnectionThenStopTheOrg();

        List<Path> saved;
        try (Stream<Path> files = Files.walk(home.resolve("data/describes"))) {
            saved = files.filter(Files::isRegularFile).toList();
        }
        assertFalse(saved.isEmpty(), "check-connection saved nothing");
        // an access token is the org id's first 15 characters and '!', as the emulator hands them out
        List<String> secrets = List.of(SeededOrg.CLIENT_SECRET, SeededOrg.PASSWORD, SeededOrg.SECURITY_TOKEN,
                SeededOrg.ORG_ID.substring(0, 15) + "!", "Bearer", "access_token");
        for (Path file : saved) {
            String text = Files.readString(file);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), file + " holds '" + secret + "'");
            }
        }
    }
}
