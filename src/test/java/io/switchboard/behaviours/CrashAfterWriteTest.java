package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.example;
import static io.switchboard.behaviours.EventRuns.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash after Salesforce answered but before the event store recorded the event as done: after the restart the
 * event runs again and finds what it wrote, so Salesforce still holds one Case and one Task.
 */
class CrashAfterWriteTest {
    private static final Map<String, String> SETTINGS = Map.of("SWITCHBOARD_NODE_ID", "node-1",
            "SF_CUSTOMER_COMMENT_USERNAME", SeededOrg.CUSTOMER_COMMENT_EMAIL);
    private static SalesforceEmulator emulator;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startEmulator() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void shouldFindWhatTheInterruptedAttemptWroteWhenTheEventRunsAgainAfterARestart() throws Exception {
        ObjectNode conversation = example("conversation-closed").put("conversationId", "crash-1");
        ObjectNode call = example("call-inbound-answered").put("callId", "crash-call-1");
        String conversationEvent;
        String callEvent;
        String caseId;
        String taskId;
        try (RunningEngine first = RunningEngine.start(emulator, dataDir, SETTINGS)) {
            conversationEvent = EventRuns.post(first, "conversation-closed", conversation, "crash-conversation");
            callEvent = EventRuns.post(first, "call", call, "crash-call");
            caseId = reported(EventRuns.awaitFinished(first, conversationEvent), "Case");
            taskId = reported(EventRuns.awaitFinished(first, callEvent), "Task");
        }
        leaveProcessingAsACrashWould(List.of(conversationEvent, callEvent));

        try (RunningEngine second = RunningEngine.start(emulator, dataDir, SETTINGS)) {
            JsonNode conversationAgain = EventRuns.awaitFinished(second, conversationEvent);
            JsonNode callAgain = EventRuns.awaitFinished(second, callEvent);

            assertEquals("done", conversationAgain.path("status").asText(), conversationAgain.toString());
            assertEquals(2, conversationAgain.path("attempts").asInt());
            assertEquals(caseId, reported(conversationAgain, "Case"));
            only(emulator.admin().records("Case"), "Subject", "+393331234567 [crash-1]");
            assertEquals(4, emulator.admin().records("CaseComment").stream()
                    .filter(comment -> caseId.equals(comment.get("ParentId"))).count());
            only(emulator.admin().records("ContentVersion"), "FirstPublishLocationId", caseId);
            assertEquals("done", callAgain.path("status").asText(), callAgain.toString());
            assertEquals(taskId, reported(callAgain, "Task"));
            only(emulator.admin().records("Task"), "CallObject", "crash-call-1");
        }
    }

    private static String reported(JsonNode event, String sobject) {
        for (JsonNode record : event.path("records")) {
            if (record.path("sobject").asText().equals(sobject)) {
                return record.path("id").asText();
            }
        }
        throw new AssertionError("no " + sobject + " among the records of " + event);
    }

    /** What the store holds when the process dies between Salesforce's answer and the commit of done. */
    private void leaveProcessingAsACrashWould(List<String> eventIds) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("switchboard") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement update = connection.prepareStatement("UPDATE events SET status = 'processing',"
                     + " claimed_by = 'node-1', produced_records = NULL WHERE id = ?")) {
            for (String eventId : eventIds) {
                update.setString(1, eventId);
                assertEquals(1, update.executeUpdate());
            }
        }
    }
}
