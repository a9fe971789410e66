package io.switchboard.behaviours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.EngineAgainstEmulator;
import io.switchboard.standins.CaseXchangeStandIn;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Salesforce → Case Xchange over real HTTP: the scheduled job finds the referrals marked to be sent in the emulated
 * org, the send route posts each to a stand-in of Case Xchange with its OAuth token, and the answer is written back.
 */
class ReferralSendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CaseXchangeStandIn CASE_XCHANGE = start();
    private static final AtomicInteger NAMES = new AtomicInteger();

    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().withSettings(Map.of(
            "SWITCHBOARD_CASEXCHANGE_URL", CASE_XCHANGE.apiUrl(),
            "SWITCHBOARD_CASEXCHANGE_CLIENT_ID", CaseXchangeStandIn.CLIENT_ID,
            "SWITCHBOARD_CASEXCHANGE_CLIENT_SECRET", CaseXchangeStandIn.CLIENT_SECRET,
            "SWITCHBOARD_REFERRAL_SEND_INTERVAL_SECONDS", "1",
            "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "20",
            "SWITCHBOARD_RETRY_MAX_DELAY_MS", "100"));

    private static CaseXchangeStandIn start() {
        try {
            return new CaseXchangeStandIn();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopCaseXchange() {
        CASE_XCHANGE.close();
    }

    @AfterEach
    void acceptAgain() {
        CASE_XCHANGE.acceptAgain();
        CASE_XCHANGE.unavailableFor(0);
    }

    /** A new referral, marked to be sent, as a Salesforce user would tick it. */
    private static String markedReferral(String firm) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("Name", "REF-SEND-" + NAMES.incrementAndGet());
        fields.put("Receiving_Firm__c", firm);
        String id = rig.emulator().admin().insertRecord("Referral__c", fields);
        rig.emulator().admin().updateRecordAs(SeededOrg.AGENT_EMAIL, "Referral__c", id,
                Map.of("Send_To_Case_Xchange__c", true));
        return id;
    }

    private static Map<String, Object> referral(String id) {
        return rig.emulator().admin().records("Referral__c").stream().filter(record -> id.equals(record.get("Id")))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> awaitReferral(String id, Predicate<Map<String, Object>> which) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> record = referral(id);
            if (which.test(record)) {
                return record;
            }
            Thread.sleep(50);
        }
        return fail("the referral did not get there within 20 s: " + referral(id));
    }

    private static List<CaseXchangeStandIn.Received> sendsOf(String id) {
        return CASE_XCHANGE.referrals().stream()
                .filter(received -> id.equals(received.body().path("salesforceRecordId").asText())).toList();
    }

    /** The referral-send events of the record, newest first, once none of them is pending any more. */
    private static List<JsonNode> eventsOf(String id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            JsonNode page = JSON.readTree(rig.engine().get("/events?limit=200").body());
            List<JsonNode> events = new ArrayList<>();
            for (JsonNode summary : page.path("events")) {
                if (summary.path("type").asText().equals("referral-send")) {
                    JsonNode event = JSON.readTree(rig.engine().get("/events/" + summary.path("eventId").asText())
                            .body());
                    if (event.toString().contains(id)) {
                        events.add(event);
                    }
                }
            }
            if (!events.isEmpty() && events.stream().allMatch(event -> List.of("done", "failed")
                    .contains(event.path("status").asText()))) {
                return events;
            }
            Thread.sleep(50);
        }
        return fail("the referral's send events did not finish within 20 s");
    }

    @Test
    void shouldSendAMarkedReferralWithItsTokenAndWriteBackTheCxIdReferenceAndStatus() throws Exception {
        String id = markedReferral("Rossi Legal");

        Map<String, Object> sent = awaitReferral(id, record -> record.get("CX_Id__c") != null);

        List<CaseXchangeStandIn.Received> sends = sendsOf(id);
        assertEquals(1, sends.size(), sends.toString());
        CaseXchangeStandIn.Received send = sends.get(0);
        assertEquals(id + "-1", send.idempotencyKey());
        assertTrue(send.authorization().matches("Bearer cx-token-\\d+"), send.authorization());
        assertEquals("{\"salesforceRecordId\":\"" + id + "\",\"name\":\"" + sent.get("Name")
                + "\",\"receivingFirm\":\"Rossi Legal\"}", send.body().toString());
        String cxId = (String) sent.get("CX_Id__c");
        assertTrue(cxId.matches("CX-\\d+"), cxId);
        assertEquals("CXR-2026-" + cxId.substring(3), sent.get("CX_Reference_Number__c"));
        assertEquals("Pending", sent.get("Status__c"));
        assertEquals(false, sent.get("Send_To_Case_Xchange__c"));
        assertEquals(1, ((Number) sent.get("CX_Send_Number__c")).intValue());
        JsonNode event = eventsOf(id).get(0);
        assertEquals("done", event.path("status").asText(), event.toString());
        assertEquals("Referral__c", event.path("records").path(0).path("sobject").asText());
        assertEquals(id, event.path("records").path(0).path("id").asText());
        assertFalse(event.toString().contains(CaseXchangeStandIn.CLIENT_SECRET));
        Thread.sleep(1500);
        assertEquals(1, sendsOf(id).size(), "a record written back is not sent again");
    }

    @Test
    void shouldWriteSendFailedAndFailTheEventWithTheReasonWhenCaseXchangeRefuses() throws Exception {
        CASE_XCHANGE.refuse(422, "{\"error\":\"receivingFirm 'Nobody & Co' is not on Case Xchange\"}");
        String id = markedReferral("Nobody & Co");

        Map<String, Object> refused = awaitReferral(id, record -> "Send failed".equals(record.get("Status__c")));

        assertEquals(false, refused.get("Send_To_Case_Xchange__c"));
        assertEquals(null, refused.get("CX_Id__c"));
        JsonNode event = eventsOf(id).get(0);
        assertEquals("failed", event.path("status").asText(), event.toString());
        String message = event.path("error").path("message").asText();
        assertTrue(message.contains("422") && message.contains("is not on Case Xchange"), message);
        assertEquals(1, sendsOf(id).size(), "a refusal is not retried");
        Thread.sleep(1500);
        assertEquals(1, sendsOf(id).size(), "a refused record is sent again only when marked again");
    }

    @Test
    void shouldRetryThroughUnavailableAnswersWithTheSameKeyAndSendOnce() throws Exception {
        CASE_XCHANGE.unavailableFor(3);
        String id = markedReferral("Bianchi Partners");

        Map<String, Object> sent = awaitReferral(id, record -> record.get("CX_Id__c") != null);

        List<CaseXchangeStandIn.Received> sends = sendsOf(id);
        assertEquals(4, sends.size(), sends.toString());
        assertEquals(List.of(id + "-1"), sends.stream().map(CaseXchangeStandIn.Received::idempotencyKey).distinct().toList());
        assertEquals("Pending", sent.get("Status__c"));
        assertEquals("done", eventsOf(id).get(0).path("status").asText());
    }

    @Test
    void shouldAskForANewTokenWhenCaseXchangeNoLongerTakesTheOldOne() throws Exception {
        String first = markedReferral("Verdi Law");
        awaitReferral(first, record -> record.get("CX_Id__c") != null);
        int issued = CASE_XCHANGE.tokensIssued();
        CASE_XCHANGE.expireTokens();

        String second = markedReferral("Verdi Law");
        awaitReferral(second, record -> record.get("CX_Id__c") != null);

        assertEquals(issued + 1, CASE_XCHANGE.tokensIssued());
        assertEquals("done", eventsOf(second).get(0).path("status").asText());
    }

    @Test
    void shouldReferAgainAfterARejectionAsANewSendWithItsOwnKey() throws Exception {
        String id = markedReferral("Rossi Legal");
        String firstCxId = (String) awaitReferral(id, record -> record.get("CX_Id__c") != null).get("CX_Id__c");
        // Case Xchange rejects it (its status change is written back), and someone marks it to be sent again
        rig.emulator().admin().updateRecordAs(SeededOrg.AGENT_EMAIL, "Referral__c", id,
                Map.of("Status__c", "Rejected", "Send_To_Case_Xchange__c", true));

        Map<String, Object> again = awaitReferral(id, record -> !firstCxId.equals(record.get("CX_Id__c")));

        assertEquals(List.of(id + "-1", id + "-2"), sendsOf(id).stream().map(CaseXchangeStandIn.Received::idempotencyKey)
                .toList());
        assertNotEquals(firstCxId, again.get("CX_Id__c"));
        assertEquals("Pending", again.get("Status__c"));
        assertEquals(2, ((Number) again.get("CX_Send_Number__c")).intValue());
        assertEquals(false, again.get("Send_To_Case_Xchange__c"));
        List<JsonNode> events = eventsOf(id);
        assertEquals(2, events.size());
        assertTrue(events.stream().allMatch(event -> event.path("status").asText().equals("done")), events.toString());
    }
}
