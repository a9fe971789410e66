package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.example;
import static io.switchboard.behaviours.EventRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.admin.RequestLogEntry;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many Salesforce API calls one event spends, read from the emulator's request log: cold (a fresh engine, so
 * nothing cached) and warm (the same customer, agent and describes already looked up by an earlier event). The
 * warm figures are the promise; the figures are printed so a change shows in the test output.
 */
class ApiCallsPerEventTest {
    private static final AtomicInteger IDS = new AtomicInteger(9000);
    private static SalesforceEmulator emulator;
    private RunningEngine engine;

    @BeforeAll
    static void startEmulator() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void startEngine() throws Exception {
        emulator.admin().reset();
        engine = RunningEngine.start(emulator, Files.createTempDirectory("switchboard-api-calls"),
                Map.of("SF_CUSTOMER_COMMENT_USERNAME", SeededOrg.CUSTOMER_COMMENT_EMAIL));
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void shouldWriteAClosedConversationOfTwentyMessagesInAtMostTwoCallsOnceWarm() throws Exception {
        List<RequestLogEntry> cold = calls("conversation-closed", conversation(20));
        List<RequestLogEntry> warm = calls("conversation-closed", conversation(20));

        report("conversation-closed, 20 messages", cold, warm);
        assertAtMost(2, warm);
    }

    @Test
    void shouldWriteAClosedConversationOfTwoHundredMessagesInAtMostThreeCallsOnceWarm() throws Exception {
        List<RequestLogEntry> cold = calls("conversation-closed", conversation(200));
        List<RequestLogEntry> warm = calls("conversation-closed", conversation(200));

        report("conversation-closed, 200 messages", cold, warm);
        assertAtMost(3, warm);
    }

    @Test
    void shouldWriteAnAnsweredCallAsATaskInOneCallOnceWarm() throws Exception {
        List<RequestLogEntry> cold = calls("call", call());
        List<RequestLogEntry> warm = calls("call", call());

        report("call (answered, known caller)", cold, warm);
        assertAtMost(1, warm);
    }

    @Test
    void shouldWriteAReferralStatusAndAnAcknowledgedCaseInOneCallEachOnceWarm() throws Exception {
        ObjectNode referral = example("referral-status-changed").put("salesforceRecordId", SeededOrg.REFERRAL_ID);
        List<RequestLogEntry> referralCold = calls("referral-status-changed", referral);
        List<RequestLogEntry> referralWarm = calls("referral-status-changed", referral.put("status", "Signed Up"));
        List<RequestLogEntry> intakeCold = calls("case-acknowledged", acknowledgement());
        List<RequestLogEntry> intakeWarm = calls("case-acknowledged", acknowledgement());

        report("referral-status-changed", referralCold, referralWarm);
        report("case-acknowledged", intakeCold, intakeWarm);
        assertAtMost(1, referralWarm);
        assertAtMost(1, intakeWarm);
    }

    /** The requests to Salesforce's data API while the event ran; logins are not API calls. */
    private List<RequestLogEntry> calls(String type, JsonNode event) throws Exception {
        emulator.admin().clearRequests();
        JsonNode finished = run(engine, type, event);
        assertEquals("done", finished.path("status").asText(), finished.toString());
        return emulator.admin().requests().stream().filter(entry -> entry.path().startsWith("/services/data")).toList();
    }

    /** The example conversation with messages of its own and no attachments, from the seeded customer. */
    private static ObjectNode conversation(int messages) throws Exception {
        ObjectNode event = example("conversation-closed");
        event.put("conversationId", "calls-" + IDS.incrementAndGet());
        ArrayNode list = event.putArray("messages");
        Instant sentAt = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 1; i <= messages; i++) {
            ObjectNode message = list.addObject();
            message.put("id", "wamid." + i);
            message.put("direction", i % 2 == 1 ? "inbound" : "outbound");
            message.put("sentAt", sentAt.plusSeconds(7L * i).toString());
            message.put("text", "message number " + i);
        }
        return event;
    }

    private static ObjectNode call() throws Exception {
        return example("call-inbound-answered").put("callId", "calls." + IDS.incrementAndGet());
    }

    private static ObjectNode acknowledgement() throws Exception {
        return example("case-acknowledged").put("caseId", "CX-" + IDS.incrementAndGet());
    }

    private static void report(String what, List<RequestLogEntry> cold, List<RequestLogEntry> warm) {
        System.out.printf("API calls per event, %s: cold %d %s, warm %d %s%n", what, cold.size(), describe(cold),
                warm.size(), describe(warm));
    }

    private static String describe(List<RequestLogEntry> calls) {
        return calls.stream().map(entry -> entry.method() + " " + entry.path().replaceFirst("/services/data/v[^/]+", ""))
                .toList().toString();
    }

    private static void assertAtMost(int most, List<RequestLogEntry> calls) {
        assertTrue(calls.size() <= most, "expected at most " + most + " API calls, made " + calls.size() + ": "
                + describe(calls));
    }
}
