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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shipped call route and config/call.yaml, fed the example calls over HTTP. */
class CallRouteTest {
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().resettingOrgBeforeEach();

    @Test
    void shouldWriteAnInboundAnsweredCallAsACompletedTaskOnTheCallersContact() throws Exception {
        JsonNode event = run(rig.engine(), "call", example("call-inbound-answered"));

        assertEquals("done", event.path("status").asText(), event.toString());
        Map<String, Object> task = only(rig.emulator().admin().records("Task"), "CallObject", "1763633200.42");
        assertRecord(event.path("records").path(0), "Contact", SeededOrg.MARIA_CONTI_ID, "linked");
        assertRecord(event.path("records").path(1), "Task", (String) task.get("Id"), "created");
        assertEquals("[xCALLY Ticket] Sales +393331234567", task.get("Subject"));
        assertEquals("""
                Caller: +393331234567
                Caller name: Maria C.
                Queue: Sales
                Recording: https://motion.example.com/recordings/1763633200.42.wav""", task.get("Description"));
        assertEquals("Completed", task.get("Status"));
        assertEquals("Call", task.get("TaskSubtype"));
        assertEquals("Inbound", task.get("CallType"));
        assertEquals(220, ((Number) task.get("CallDurationInSeconds")).intValue());
        assertEquals("2026-11-20", task.get("ActivityDate"));
        assertEquals(SeededOrg.AGENT_USER_ID, task.get("OwnerId"));
        assertEquals(SeededOrg.MARIA_CONTI_ID, task.get("WhoId"));
        assertNull(task.get("WhatId"));
    }

    // issue 9: values longer than their field failed the event after it was accepted
    @Test
    void shouldCutASubjectLongerThanTheTaskSubjectWithAWarning() throws Exception {
        ObjectNode call = example("call-inbound-answered").put("callId", "long-queue-1").put("queue", "Q".repeat(300));
        JsonNode event = run(rig.engine(), "call", call);

        assertEquals("done", event.path("status").asText(), event.toString());
        Map<String, Object> task = only(rig.emulator().admin().records("Task"), "CallObject", "long-queue-1");
        assertEquals(("[xCALLY Ticket] " + "Q".repeat(300)).substring(0, 255), task.get("Subject"));
        assertEquals("Task.Subject was cut to 255 characters, the field's length (the value had 330)",
                event.path("warnings").path(0).asText(), event.toString());
    }

    @Test
    void shouldWriteAnOutboundAnsweredCallWithTheDialledNumberAndNoPersonWhenNobodyMatches() throws Exception {
        int contacts = rig.emulator().admin().records("Contact").size();
        int leads = rig.emulator().admin().records("Lead").size();

        JsonNode event = run(rig.engine(), "call", example("call-outbound-answered"));

        assertEquals("done", event.path("status").asText(), event.toString());
        Map<String, Object> task = only(rig.emulator().admin().records("Task"), "CallObject", "1763640000.7");
        assertEquals(1, event.path("records").size(), event.toString());
        assertRecord(event.path("records").path(0), "Task", (String) task.get("Id"), "created");
        assertEquals("[xCALLY Ticket] Outbound Call +14155550123", task.get("Subject"));
        assertEquals("Dialled number: +14155550123", task.get("Description"));
        assertEquals("Outbound", task.get("CallType"));
        assertEquals("Completed", task.get("Status"));
        assertEquals(81, ((Number) task.get("CallDurationInSeconds")).intValue());
        assertEquals(SeededOrg.AGENT_USER_ID, task.get("OwnerId"));
        assertNull(task.get("WhoId"));
        assertEquals("the Task is linked to no person: no Contact/Lead has the number and the configuration's "
                + "create module makes none", event.path("warnings").path(0).asText(), event.toString());
        assertEquals(contacts, rig.emulator().admin().records("Contact").size(), "create is none by default");
        assertEquals(leads, rig.emulator().admin().records("Lead").size(), "create is none by default");
    }

    @Test
    void shouldSkipAMissedCallWithTheReasonAndWriteNothing() throws Exception {
        int tasks = rig.emulator().admin().records("Task").size();
        ObjectNode missed = example("call-inbound-answered").put("status", "missed").put("callId", "1763633999.1");

        JsonNode event = run(rig.engine(), "call", missed);

        assertEquals("skipped", event.path("status").asText(), event.toString());
        assertEquals("no active trigger matches: direction=inbound, status=missed, queue=Sales",
                event.path("error").path("message").asText());
        assertEquals(0, event.path("records").size());
        assertEquals(tasks, rig.emulator().admin().records("Task").size());
    }

    @Test
    void shouldLinkTheTaskToALeadWhenOnlyALeadHasTheNumber() throws Exception {
        ObjectNode fromLead = example("call-inbound-answered").put("callerNumber", "+390612345678")
                .put("callId", "1763634000.5");

        JsonNode event = run(rig.engine(), "call", fromLead);

        assertEquals("done", event.path("status").asText(), event.toString());
        Map<String, Object> task = only(rig.emulator().admin().records("Task"), "CallObject", "1763634000.5");
        assertEquals(SeededOrg.GIULIA_VERDI_LEAD_ID, task.get("WhoId"));
        assertRecord(event.path("records").path(0), "Lead", SeededOrg.GIULIA_VERDI_LEAD_ID, "linked");
        assertEquals("[xCALLY Ticket] Sales +390612345678", task.get("Subject"));
    }

    @Test
    void shouldLetTheConnectionsOwnUserOwnTheTaskWithAWarningWhenTheAgentHasNoActiveUser() throws Exception {
        ObjectNode unknownAgent = example("call-inbound-answered").put("callId", "1763635000.9");
        unknownAgent.putObject("agent").put("email", SeededOrg.INACTIVE_EMAIL);

        JsonNode event = run(rig.engine(), "call", unknownAgent);

        assertEquals("done", event.path("status").asText(), event.toString());
        Map<String, Object> task = only(rig.emulator().admin().records("Task"), "CallObject", "1763635000.9");
        assertEquals(SeededOrg.INTEGRATION_USER_ID, task.get("OwnerId"));
        assertEquals("the Salesforce user with email " + SeededOrg.INACTIVE_EMAIL + " is inactive; using the "
                + "connection's own user " + SeededOrg.INTEGRATION_USER_ID, event.path("warnings").path(0).asText());
    }
}
