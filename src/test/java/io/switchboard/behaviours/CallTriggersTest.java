package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.assertRecord;
import static io.switchboard.behaviours.EventRuns.example;
import static io.switchboard.behaviours.EventRuns.only;
import static io.switchboard.behaviours.EventRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.EngineAgainstEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The call route with an operator's edits to config/call.yaml: the inbound trigger turned OFF, a trigger for an
 * accounts queue that writes a Case on the caller's Account, and outbound calls that create a Lead for unknown
 * numbers.
 */
class CallTriggersTest {
    private static final String ACCOUNTS_TRIGGER = """
            triggers:
              - name: accounts-queue
                active: ON
                when:
                  queue: Accounts
                configuration: account-case

            """;
    private static final String ACCOUNT_CASE = """
            configurations:
              account-case:
                ticketType: Case
                subject:
                  - string: "Call from"
                  - variable: callerNumber
                fields:
                  Origin: {picklist: Phone}
                search:
                  module: Account
            """;
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject()
            .onProjectCopy(CallTriggersTest::addAccountTriggerAndLeadCreation).resettingOrgBeforeEach();

    private static void addAccountTriggerAndLeadCreation(Path home) throws IOException {
        Path callConfig = home.resolve("config/call.yaml");
        String shipped = Files.readString(callConfig);
        String outbound = shipped.substring(shipped.indexOf("  outbound-call:"));
        Files.writeString(callConfig, shipped
                .replace("triggers:\n", ACCOUNTS_TRIGGER.replace("\n\n", "\n"))
                .replace("name: inbound-answered-in-queue\n    active: ON", "name: inbound-answered-in-queue\n    active: OFF")
                .replace("configurations:\n", ACCOUNT_CASE)
                .replace(outbound, outbound.replace("create: none", "create: Lead")));
    }

    @Test
    void shouldSkipACallWhoseOnlyMatchingTriggerIsTurnedOff() throws Exception {
        int tasks = rig.emulator().admin().records("Task").size();

        JsonNode event = run(rig.engine(), "call", example("call-inbound-answered"));

        assertEquals("skipped", event.path("status").asText(), event.toString());
        assertEquals("no active trigger matches: queue=Sales, direction=inbound, status=answered",
                event.path("error").path("message").asText());
        assertEquals(tasks, rig.emulator().admin().records("Task").size());
    }

    @Test
    void shouldWriteACaseOnTheAccountWhoseNumberCalled() throws Exception {
        ObjectNode fromAcme = example("call-inbound-answered").put("queue", "Accounts")
                .put("callerNumber", "+442079460000").put("callId", "1763636000.1");

        JsonNode event = run(rig.engine(), "call", fromAcme);

        assertEquals("done", event.path("status").asText(), event.toString());
        Map<String, Object> ticket = only(rig.emulator().admin().records("Case"), "Subject", "Call from +442079460000");
        assertRecord(event.path("records").path(0), "Account", SeededOrg.ACME_ACCOUNT_ID, "linked");
        assertRecord(event.path("records").path(1), "Case", (String) ticket.get("Id"), "created");
        assertEquals(SeededOrg.ACME_ACCOUNT_ID, ticket.get("AccountId"));
        assertNull(ticket.get("ContactId"));
        assertEquals("Phone", ticket.get("Origin"));
        assertEquals(SeededOrg.AGENT_USER_ID, ticket.get("OwnerId"));
    }

    @Test
    void shouldCreateALeadForAnOutboundCallToAnUnknownNumberAndLinkTheTaskToIt() throws Exception {
        JsonNode event = run(rig.engine(), "call", example("call-outbound-answered"));

        assertEquals("done", event.path("status").asText(), event.toString());
        Map<String, Object> lead = only(rig.emulator().admin().records("Lead"), "Phone", "+14155550123");
        assertEquals("+14155550123", lead.get("LastName"));
        assertEquals("[not provided]", lead.get("Company"));
        Map<String, Object> task = only(rig.emulator().admin().records("Task"), "CallObject", "1763640000.7");
        assertRecord(event.path("records").path(0), "Lead", (String) lead.get("Id"), "created");
        assertRecord(event.path("records").path(1), "Task", (String) task.get("Id"), "created");
        assertEquals(lead.get("Id"), task.get("WhoId"));
    }
}
