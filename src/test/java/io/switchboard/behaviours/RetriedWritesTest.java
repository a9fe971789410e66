package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.assertRecord;
import static io.switchboard.behaviours.EventRuns.example;
import static io.switchboard.behaviours.EventRuns.only;
import static io.switchboard.behaviours.EventRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.EngineAgainstEmulator;
import io.switchboard.mapping.SalesforceValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each write path of the four shipped routes, retried after Salesforce applied the write but the answer never came
 * back (the emulator's DROP_AFTER_WRITE): the event ends done and Salesforce holds each record once.
 */
class RetriedWritesTest {
    private static final AtomicInteger NUMBERS = new AtomicInteger(100);
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject()
            .withSettings(Map.of("SF_CUSTOMER_COMMENT_USERNAME", SeededOrg.CUSTOMER_COMMENT_EMAIL, "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "20", "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "50")).resettingOrgBeforeEach();

    /** A conversation of its own with {@code count} messages, alternating inbound and outbound, a second apart. */
    static ObjectNode conversation(int count) throws Exception {
        ObjectNode event = example("conversation-closed");
        String id = "retry-" + NUMBERS.incrementAndGet();
        event.put("conversationId", id);
        ArrayNode messages = event.putArray("messages");
        Instant start = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 0; i < count; i++) {
            messages.addObject().put("id", id + "-m" + i).put("direction", i % 2 == 0 ? "inbound" : "outbound")
                    .put("sentAt", start.plusSeconds(i).toString()).put("text", "message " + i + " of " + id);
        }
        return event;
    }

    private static List<Map<String, Object>> commentsOf(String caseId) {
        List<Map<String, Object>> comments = new ArrayList<>(rig.emulator().admin().records("CaseComment").stream()
                .filter(comment -> caseId.equals(comment.get("ParentId"))).toList());
        comments.sort(Comparator.comparing(comment -> SalesforceValues.instant((String) comment.get("CreatedDate"))));
        return comments;
    }

    @Test
    void shouldCompleteTheCaseThatEarlierAttemptsWroteWhenTheirAnswersWereLost() throws Exception {
        // the first request (Case and 1,000 comments in five collections) and the second (the other 10) are
        // applied, their answers lost
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 2).on("POST", "/composite"));
        ObjectNode event = conversation(1010);

        JsonNode status = run(rig.engine(), "conversation-closed", event);

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(3, status.path("attempts").asInt(), status.toString());
        Map<String, Object> theCase = only(rig.emulator().admin().records("Case"), "Subject",
                "+393331234567 [" + event.path("conversationId").asText() + "]");
        List<Map<String, Object>> comments = commentsOf((String) theCase.get("Id"));
        assertEquals(1010, comments.size());
        for (int i = 0; i < 1010; i++) {
            JsonNode message = event.path("messages").path(i);
            assertEquals(message.path("text").asText(), comments.get(i).get("CommentBody"));
            assertEquals(Instant.parse(message.path("sentAt").asText()),
                    SalesforceValues.instant((String) comments.get(i).get("CreatedDate")));
        }
        JsonNode records = status.path("records");
        assertRecord(records.path(0), "Case", (String) theCase.get("Id"), "created");
        assertEquals(1011, records.size());
        for (int i = 0; i < 1010; i++) {
            assertRecord(records.path(i + 1), "CaseComment", (String) comments.get(i).get("Id"), "created");
        }
    }

    @Test
    void shouldWriteOnlyTheFileThatIsMissingWhenTheCaseAndItsCommentsExist() throws Exception {
        // the first request holds the Case, the 24 comments and 11 files (two subrequests each); the twelfth file
        // goes in the second, which never starts
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("POST", "/composite"));
        ObjectNode event = conversation(24);
        String prefix = "receipt-" + event.path("conversationId").asText() + "-";
        ArrayNode attachments = ((ObjectNode) event.path("messages").path(23)).putArray("attachments");
        for (int file = 1; file <= 12; file++) {
            attachments.addObject().put("fileName", prefix + file + ".png").put("contentType", "image/png")
                    .put("dataBase64", "iVBORw0KGgo=");
        }

        JsonNode status = run(rig.engine(), "conversation-closed", event);

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(2, status.path("attempts").asInt());
        Map<String, Object> theCase = only(rig.emulator().admin().records("Case"), "Subject",
                "+393331234567 [" + event.path("conversationId").asText() + "]");
        assertEquals(24, commentsOf((String) theCase.get("Id")).size());
        assertEquals(12, rig.emulator().admin().records("ContentVersion").stream()
                .filter(version -> theCase.get("Id").equals(version.get("FirstPublishLocationId"))).count());
        Map<String, Object> last = only(rig.emulator().admin().records("ContentVersion"), "Title", prefix + "12.png");
        JsonNode records = status.path("records");
        assertEquals(49, records.size(), records.toString());
        assertRecord(records.path(47), "ContentVersion", (String) last.get("Id"), "created");
        assertRecord(records.path(48), "ContentDocument", (String) last.get("ContentDocumentId"), "linked");
        assertEquals(2, rig.emulator().admin().counters().get("POST /composite"), "the retry wrote the last file alone");
    }

    @Test
    void shouldSpendNoApiCallOnLookingForEarlierWritesOnTheFirstAttempt() throws Exception {
        run(rig.engine(), "conversation-closed", conversation(3));
        rig.emulator().admin().clearRequests();

        JsonNode status = run(rig.engine(), "conversation-closed", conversation(3));

        assertEquals("done", status.path("status").asText(), status.toString());
        List<String> calls = rig.emulator().admin().requests().stream().map(entry -> entry.method() + " " + entry.path()).toList();
        assertTrue(calls.stream().noneMatch(call -> call.contains("/query")), calls.toString());
    }

    @Test
    void shouldFindTheContactTheFirstAttemptCreatedThoughSearchHasNotIndexedItYet() throws Exception {
        rig.emulator().admin().searchLagMillis(600_000);
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("POST", "/sobjects/Contact"));
        String phone = "+4420794600" + NUMBERS.incrementAndGet();
        ObjectNode event = conversation(2);
        event.putObject("customer").put("phone", phone).put("name", "Ada Lovelace");

        JsonNode status = run(rig.engine(), "conversation-closed", event);

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(2, status.path("attempts").asInt());
        Map<String, Object> contact = only(rig.emulator().admin().records("Contact"), "Phone", phone);
        Map<String, Object> theCase = only(rig.emulator().admin().records("Case"), "Subject",
                phone + " [" + event.path("conversationId").asText() + "]");
        assertEquals(contact.get("Id"), theCase.get("ContactId"));
    }

    @Test
    void shouldSearchAgainWhenTheContactRememberedFromAnEarlierConversationNoLongerExists() throws Exception {
        String phone = "+4420794611" + NUMBERS.incrementAndGet();
        ObjectNode first = conversation(1);
        first.putObject("customer").put("phone", phone).put("name", "Grace Hopper");
        assertEquals("done", run(rig.engine(), "conversation-closed", first).path("status").asText());
        // back to the seed: the Contact the engine created and remembers is gone
        rig.emulator().admin().reset();
        ObjectNode second = conversation(1);
        second.set("customer", first.path("customer"));

        JsonNode status = run(rig.engine(), "conversation-closed", second);

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(2, status.path("attempts").asInt(), status.toString());
        Map<String, Object> contact = only(rig.emulator().admin().records("Contact"), "Phone", phone);
        Map<String, Object> theCase = only(rig.emulator().admin().records("Case"), "Subject",
                phone + " [" + second.path("conversationId").asText() + "]");
        assertEquals(contact.get("Id"), theCase.get("ContactId"));
    }

    @Test
    void shouldSearchAgainWhenThePersonRememberedFromAnEarlierCallNoLongerExists() throws Exception {
        String phone = "+4420794622" + NUMBERS.incrementAndGet();
        String leadId = rig.emulator().admin().insertRecord("Lead", Map.of("LastName", "Byron", "Company", "Analytical",
                "Phone", phone));
        JsonNode first = run(rig.engine(), "call", example("call-inbound-answered").put("callId", "gone-" + phone)
                .put("callerNumber", phone));
        assertRecord(first.path("records").path(0), "Lead", leadId, "linked");
        rig.emulator().admin().reset();

        JsonNode status = run(rig.engine(), "call", example("call-inbound-answered").put("callId", "gone-again-" + phone)
                .put("callerNumber", phone));

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(2, status.path("attempts").asInt(), status.toString());
        Map<String, Object> task = only(rig.emulator().admin().records("Task"), "CallObject", "gone-again-" + phone);
        assertEquals(null, task.get("WhoId"), "nobody has the number any more");
    }

    @Test
    void shouldReportTheTaskTheFirstAttemptCreatedInsteadOfASecondOne() throws Exception {
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("POST", "/sobjects/Task"));
        String callId = "retry-call-" + NUMBERS.incrementAndGet();

        JsonNode status = run(rig.engine(), "call", example("call-inbound-answered").put("callId", callId));

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(2, status.path("attempts").asInt());
        Map<String, Object> task = only(rig.emulator().admin().records("Task"), "CallObject", callId);
        assertRecord(status.path("records").path(1), "Task", (String) task.get("Id"), "created");
    }

    @Test
    void shouldWriteTheSameReferralValuesWhenTheUpdateIsRepeated() throws Exception {
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("PATCH", "/sobjects/Referral__c"));

        JsonNode status = run(rig.engine(), "referral-status-changed",
                example("referral-status-changed").put("salesforceRecordId", SeededOrg.REFERRAL_ID));

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(2, status.path("attempts").asInt());
        Map<String, Object> referral = only(rig.emulator().admin().records("Referral__c"), "Id", SeededOrg.REFERRAL_ID);
        assertEquals("Accepted", referral.get("Status__c"));
        assertEquals("Smith & Partners LLP", referral.get("Receiving_Firm__c"));
    }

    @Test
    void shouldUpsertOneIntakeWhenTheUpsertIsRepeated() throws Exception {
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("PATCH", "/sobjects/casexchange__CX_Intake__c"));
        String caseId = "CX-RETRY-" + NUMBERS.incrementAndGet();

        JsonNode status = run(rig.engine(), "case-acknowledged", example("case-acknowledged").put("caseId", caseId));

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(2, status.path("attempts").asInt());
        Map<String, Object> intake = only(rig.emulator().admin().records("casexchange__CX_Intake__c"),
                "casexchange__CX_Case_Id__c", caseId);
        assertEquals("Under Evaluation", intake.get("casexchange__Status__c"));
        assertRecord(status.path("records").path(0), "casexchange__CX_Intake__c", (String) intake.get("Id"), "updated");
    }
}
