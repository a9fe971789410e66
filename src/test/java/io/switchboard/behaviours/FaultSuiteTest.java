package io.switchboard.behaviours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.behaviours.MixedEvents.Conversation;
import io.switchboard.behaviours.MixedEvents.ExpectedComment;
import io.switchboard.behaviours.MixedEvents.Referral;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.emulator.admin.RequestLogEntry;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.EngineAgainstEmulator;
import io.switchboard.mapping.SalesforceValues;
import io.switchboard.store.EventStatus;
import io.switchboard.store.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Never lose, never duplicate: 220 mixed events posted over HTTP to an engine whose Salesforce fails a fifth of
 * all calls transiently (SERVER_UNAVAILABLE, UNABLE_TO_LOCK_ROW), applies a tenth of all writes and then drops the
 * connection (DROP_AFTER_WRITE), expires every session now and then, and keeps new records out of search. Every
 * event must end done, and the org must hold each expected record exactly once, counted record by record.
 */
class FaultSuiteTest {
    private static final String RUN = "7";
    private static final Duration PATIENCE = Duration.ofSeconds(80);
    private static final int REQUEST_LOG_SIZE = 10_000;
    private static final Set<EventStatus> FINAL = EnumSet.of(EventStatus.DONE, EventStatus.FAILED, EventStatus.SKIPPED);
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject()
            .withSettings(Map.of(
                    "SF_CUSTOMER_COMMENT_USERNAME", SeededOrg.CUSTOMER_COMMENT_EMAIL,
                    "SWITCHBOARD_RETRY_IN_ROUTE_DELAY_MS", "10",
                    "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "10",
                    "SWITCHBOARD_RETRY_MAX_DELAY_MS", "200",
                    "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "20",
                    "SWITCHBOARD_WORKER_CONCURRENCY", "8"));

    private static void injectFaults() {
        rig.emulator().admin().searchLagMillis(600_000);
        rig.emulator().admin().addFault(FaultRule.rate(FaultKind.DROP_AFTER_WRITE, 0.10).on("POST", null));
        rig.emulator().admin().addFault(FaultRule.rate(FaultKind.DROP_AFTER_WRITE, 0.10).on("PATCH", null));
        rig.emulator().admin().addFault(FaultRule.rate(FaultKind.SERVER_UNAVAILABLE, 0.10));
        rig.emulator().admin().addFault(FaultRule.rate(FaultKind.UNABLE_TO_LOCK_ROW, 0.11));
    }

    @Test
    void shouldEndEveryEventDoneAndWriteEachRecordExactlyOnceThroughFaults() throws Exception {
        rig.emulator().admin().reset();
        List<Conversation> conversations = MixedEvents.conversations(RUN, 80);
        List<ObjectNode> calls = MixedEvents.calls(RUN, 60);
        List<Referral> referrals = MixedEvents.referrals(RUN, 40);
        Map<Referral, String> referralIds = new LinkedHashMap<>();
        referrals.forEach(referral -> referralIds.put(referral, rig.emulator().admin().insertRecord("Referral__c",
                Map.of("Name", referral.name(), "Status__c", "Pending"))));
        List<ObjectNode> acknowledgements = MixedEvents.acknowledgements(RUN, 30, 10);
        Map<String, Integer> before = counts();
        injectFaults();
        ScheduledExecutorService sessionExpiry = Executors.newSingleThreadScheduledExecutor();
        sessionExpiry.scheduleAtFixedRate(() -> rig.emulator().admin().expireSessions(), 500, 700, TimeUnit.MILLISECONDS);

        Instant started = Instant.now();
        Map<String, List<String>> posted = new LinkedHashMap<>();
        List<String> conversationEvents = postAll("conversation-closed",
                conversations.stream().map(Conversation::event).toList(), posted);
        postAll("call", calls, posted);
        List<ObjectNode> changes = new ArrayList<>();
        for (Referral referral : referrals) {
            changes.add(MixedEvents.referralChange(referral, referralIds.get(referral), changes.size()));
        }
        postAll("referral-status-changed", changes, posted);
        postAll("case-acknowledged", acknowledgements, posted);
        List<StoredEvent> finished = awaitAll(posted.values().stream().flatMap(List::stream).toList());
        Duration took = Duration.between(started, Instant.now());
        sessionExpiry.shutdownNow();
        List<RequestLogEntry> requests = rig.emulator().admin().requests();
        rig.emulator().admin().clearFaults();

        report(posted, finished, requests, took);
        assertTrue(requests.size() < REQUEST_LOG_SIZE, "the request log kept every request, so the fault counts are whole");
        finished.forEach(event -> assertEquals(EventStatus.DONE, event.status(), event.toString()));
        assertConversations(conversations, conversationEvents, before);
        assertCalls(calls, before);
        assertReferrals(referralIds);
        assertAcknowledgements(acknowledgements, before);
    }

    private static List<String> postAll(String type, List<ObjectNode> events, Map<String, List<String>> posted)
            throws Exception {
        List<String> ids = new ArrayList<>();
        for (ObjectNode event : events) {
            ids.add(EventRuns.post(rig.engine(), type, event, UUID.randomUUID().toString()));
        }
        posted.put(type, ids);
        return ids;
    }

    private static List<StoredEvent> awaitAll(List<String> eventIds) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<StoredEvent> events;
        do {
            Thread.sleep(100);
            events = eventIds.stream().map(id -> rig.engine().store().find(id).orElseThrow()).toList();
        } while (events.stream().anyMatch(event -> !FINAL.contains(event.status())) && Instant.now().isBefore(deadline));
        return events;
    }

    private static void report(Map<String, List<String>> posted, List<StoredEvent> finished,
                               List<RequestLogEntry> requests, Duration took) {
        Map<String, Long> faults = requests.stream().filter(entry -> entry.fault() != null)
                .collect(Collectors.groupingBy(RequestLogEntry::fault, TreeMap::new, Collectors.counting()));
        long unauthorised = requests.stream().filter(entry -> entry.status() == 401).count();
        int attempts = finished.stream().mapToInt(StoredEvent::attempts).sum();
        long retried = finished.stream().filter(event -> event.attempts() > 1).count();
        int mostAttempts = finished.stream().mapToInt(StoredEvent::attempts).max().orElse(0);
        Map<String, Integer> byType = new LinkedHashMap<>();
        posted.forEach((type, ids) -> byType.put(type, ids.size()));
        System.out.printf("Fault suite: %d events %s in %.1f s%n", finished.size(), byType, took.toMillis() / 1000.0);
        System.out.printf("Fault suite: %d Salesforce API requests, faults injected %s, %d answered 401 after"
                + " a session expiry%n", requests.size(), faults, unauthorised);
        System.out.printf("Fault suite: %d attempts in all, %d events retried, at most %d attempts for one event%n",
                attempts, retried, mostAttempts);
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String type : List.of("Case", "CaseComment", "ContentVersion", "Contact", "Task", "casexchange__CX_Intake__c")) {
            counts.put(type, rig.emulator().admin().records(type).size());
        }
        return counts;
    }

    private static Map<Object, List<Map<String, Object>>> byField(String sobject, String field) {
        return rig.emulator().admin().records(sobject).stream()
                .filter(record -> record.get(field) != null)
                .collect(Collectors.groupingBy(record -> record.get(field)));
    }

    private static Map<String, Object> one(Map<Object, List<Map<String, Object>>> records, Object key, String what) {
        List<Map<String, Object>> found = records.getOrDefault(key, List.of());
        assertEquals(1, found.size(), what + " " + key + ": " + found);
        return found.get(0);
    }

    private static void assertConversations(List<Conversation> conversations, List<String> eventIds,
                                            Map<String, Integer> before) throws Exception {
        Map<Object, List<Map<String, Object>>> cases = byField("Case", "Subject");
        Map<Object, List<Map<String, Object>>> comments = byField("CaseComment", "ParentId");
        Map<Object, List<Map<String, Object>>> files = byField("ContentVersion", "Title");
        Map<Object, List<Map<String, Object>>> contacts = byField("Contact", "Phone");
        int commentCount = 0;
        int fileCount = 0;
        for (int n = 0; n < conversations.size(); n++) {
            Conversation conversation = conversations.get(n);
            Map<String, Object> theCase = one(cases, conversation.subject(), "Cases with subject");
            String contactId = conversation.newCustomer()
                    ? (String) one(contacts, conversation.phone(), "Contacts with phone").get("Id")
                    : MixedEvents.knownCustomerId();
            assertEquals(contactId, theCase.get("ContactId"), conversation.subject());
            assertEquals(conversation.comments(), commentsInOrder(comments.getOrDefault(theCase.get("Id"), List.of())),
                    "comments of " + conversation.subject());
            for (String title : conversation.fileTitles()) {
                assertEquals(theCase.get("Id"), one(files, title, "ContentVersions titled").get("FirstPublishLocationId"));
            }
            commentCount += conversation.comments().size();
            fileCount += conversation.fileTitles().size();
            assertEquals(List.of(theCase.get("Id")), reportedIds(eventIds.get(n), "Case"), conversation.subject());
        }
        long newCustomers = conversations.stream().filter(Conversation::newCustomer).count();
        Map<String, Integer> after = counts();
        assertEquals(before.get("Case") + conversations.size(), after.get("Case"), "Cases in all");
        assertEquals(before.get("CaseComment") + commentCount, after.get("CaseComment"), "CaseComments in all");
        assertEquals(before.get("ContentVersion") + fileCount, after.get("ContentVersion"), "ContentVersions in all");
        assertEquals(before.get("Contact") + newCustomers, after.get("Contact").longValue(), "Contacts in all");
    }

    /** The ids of one type among the records the status API reports for the event. */
    private static List<String> reportedIds(String eventId, String sobject) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode record : EventRuns.JSON.readTree(rig.engine().get("/events/" + eventId).body()).path("records")) {
            if (record.path("sobject").asText().equals(sobject)) {
                ids.add(record.path("id").asText());
            }
        }
        return ids;
    }

    private static List<ExpectedComment> commentsInOrder(List<Map<String, Object>> comments) {
        return comments.stream()
                .map(comment -> new ExpectedComment((String) comment.get("CommentBody"),
                        SalesforceValues.instant((String) comment.get("CreatedDate"))))
                .sorted(Comparator.comparing(ExpectedComment::createdDate))
                .toList();
    }

    private static void assertCalls(List<ObjectNode> calls, Map<String, Integer> before) {
        Map<Object, List<Map<String, Object>>> tasks = byField("Task", "CallObject");
        for (ObjectNode call : calls) {
            Map<String, Object> task = one(tasks, call.path("callId").asText(), "Tasks with CallObject");
            boolean known = MixedEvents.KNOWN_CUSTOMER.equals(call.path("direction").asText().equals("inbound")
                    ? call.path("callerNumber").asText() : call.path("destinationNumber").asText());
            assertEquals(known ? MixedEvents.knownCustomerId() : null, task.get("WhoId"), call.toString());
        }
        assertEquals(before.get("Task") + calls.size(), counts().get("Task"), "Tasks in all");
    }

    private static void assertReferrals(Map<Referral, String> referralIds) {
        Map<Object, List<Map<String, Object>>> records = byField("Referral__c", "Id");
        referralIds.forEach((referral, id) -> {
            Map<String, Object> record = one(records, id, "Referrals with id");
            assertEquals(referral.status(), record.get("Status__c"), referral.name());
            assertEquals(referral.receivingFirm(), record.get("Receiving_Firm__c"), referral.name());
        });
    }

    private static void assertAcknowledgements(List<ObjectNode> acknowledgements, Map<String, Integer> before) {
        Map<Object, List<Map<String, Object>>> intakes = byField("casexchange__CX_Intake__c", "casexchange__CX_Case_Id__c");
        Map<String, ObjectNode> byCase = acknowledgements.stream().collect(Collectors.toMap(
                acknowledged -> acknowledged.path("caseId").asText(), Function.identity(), (first, repeat) -> first,
                LinkedHashMap::new));
        byCase.forEach((caseId, acknowledged) -> assertEquals(acknowledged.path("status").asText(),
                one(intakes, caseId, "CX Intakes with case id").get("casexchange__Status__c"), caseId));
        assertEquals(before.get("casexchange__CX_Intake__c") + byCase.size(),
                counts().get("casexchange__CX_Intake__c"), "CX Intakes in all");
    }
}
