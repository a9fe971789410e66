package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.awaitFinished;
import static io.switchboard.behaviours.EventRuns.example;
import static io.switchboard.behaviours.EventRuns.only;
import static io.switchboard.behaviours.EventRuns.post;
import static io.switchboard.behaviours.EventRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.engine.EngineAgainstEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared error handling of the behaviour routes (routes/salesforce-errors.camel.yaml) against the emulator's
 * injected faults: busy answers retried within the route, then by the worker; refusals failed at once; writes left
 * without answer retried only as a whole route; an expired session costing nothing.
 */
class SalesforceErrorsTest {
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject()
            .withSettings(Map.of(
                    "SWITCHBOARD_RETRY_IN_ROUTE_DELAY_MS", "20",
                    "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "50",
                    "SWITCHBOARD_RETRY_MAX_DELAY_MS", "200",
                    "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "20"));

    @BeforeEach
    void resetOrg() {
        rig.emulator().admin().reset();
        rig.emulator().admin().clearRequests();
    }

    private static ObjectNode call(String callId) throws Exception {
        return example("call-inbound-answered").put("callId", callId);
    }

    private static long requests(String method, String pathContains) {
        return rig.emulator().admin().requests().stream()
                .filter(entry -> entry.method().equals(method) && entry.path().contains(pathContains)).count();
    }

    @Test
    void shouldRetryAStepThatSalesforceAnsweredAsBusyWithinTheRoute() throws Exception {
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.SERVER_UNAVAILABLE, 1).on("POST", "/sobjects/Task"));
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.UNABLE_TO_LOCK_ROW, 1).on("POST", "/sobjects/Task"));

        JsonNode event = run(rig.engine(), "call", call("busy-twice"));

        assertEquals("done", event.path("status").asText(), event.toString());
        assertEquals(1, event.path("attempts").asInt(), "no retry by the worker was needed: " + event);
        assertEquals(3, requests("POST", "/sobjects/Task"));
        only(rig.emulator().admin().records("Task"), "CallObject", "busy-twice");
    }

    @Test
    void shouldLeaveTheEventToTheWorkersBackoffOnceTheInRouteRetriesAreSpent() throws Exception {
        // the first run tries 1 + 3 times; the worker's retry meets the fifth fault and then succeeds within its route
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.SERVER_UNAVAILABLE, 5).on("POST", "/sobjects/Task"));

        JsonNode event = run(rig.engine(), "call", call("busy-five-times"));

        assertEquals("done", event.path("status").asText(), event.toString());
        assertEquals(2, event.path("attempts").asInt(), event.toString());
        assertEquals(6, requests("POST", "/sobjects/Task"));
        only(rig.emulator().admin().records("Task"), "CallObject", "busy-five-times");
    }

    @Test
    void shouldFailARefusalAtOnceWithSalesforcesCodeWithoutRetrying() throws Exception {
        ObjectNode referral = example("referral-status-changed").put("salesforceRecordId", "a0x000000000000AAA");

        JsonNode event = run(rig.engine(), "referral-status-changed", referral);

        assertEquals("failed", event.path("status").asText(), event.toString());
        assertEquals(1, event.path("attempts").asInt());
        assertEquals("NOT_FOUND", event.path("error").path("code").asText(), event.toString());
        assertEquals(1, requests("PATCH", "/sobjects/Referral__c/"));
    }

    @Test
    void shouldRetryAWriteLeftWithoutAnswerOnlyByRunningTheWholeRouteAgain() throws Exception {
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("PATCH", "/sobjects/casexchange__CX_Intake__c"));
        ObjectNode acknowledged = example("case-acknowledged").put("caseId", "CX-DROPPED-1");

        JsonNode event = run(rig.engine(), "case-acknowledged", acknowledged);

        assertEquals("done", event.path("status").asText(), event.toString());
        assertEquals(2, event.path("attempts").asInt(), "the worker, not the route, retried: " + event);
        assertEquals(2, requests("PATCH", "/sobjects/casexchange__CX_Intake__c"));
        only(rig.emulator().admin().records("casexchange__CX_Intake__c"), "casexchange__CX_Case_Id__c", "CX-DROPPED-1");
    }

    @Test
    void shouldLogInAgainWhenTheSessionExpiresMidRunWithoutFailingOrRetryingAnEvent() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i == 5 || i == 12) {
                rig.emulator().admin().expireSessions();
            }
            if (i == 8) {
                rig.emulator().admin().addFault(FaultRule.times(FaultKind.SESSION_EXPIRED, 2));
            }
            ids.add(post(rig.engine(), "call", call("expiry-" + i), UUID.randomUUID().toString()));
        }
        List<JsonNode> retried = new ArrayList<>();
        for (String id : ids) {
            JsonNode event = awaitFinished(rig.engine(), id);
            assertEquals("done", event.path("status").asText(), event.toString());
            if (event.path("attempts").asInt() > 1) {
                retried.add(event);
            }
        }
        // known limit: when the two refusals hit one event's call and its re-login back to back, that event may go
        // back to the worker once (still written once, below); every other event is done in its first attempt
        assertTrue(retried.size() <= 1 && retried.stream().allMatch(event -> event.path("attempts").asInt() == 2),
                "retried: " + retried);
        for (int i = 0; i < 20; i++) {
            only(rig.emulator().admin().records("Task"), "CallObject", "expiry-" + i);
        }
        long refused = rig.emulator().admin().requests().stream().filter(entry -> entry.status() == 401).count();
        long logins = requests("POST", "/services/oauth2/token");
        System.out.printf("session expiry: 20 events done, %d answers 401, %d logins%n", refused, logins);
        assertTrue(refused >= 3 && logins >= 3, refused + " refusals, " + logins + " logins");
    }
}
