package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every event store database must do; subclasses run it against H2 and PostgreSQL. */
abstract class EventStoreBehaviour {
    private static final String NODE = "node-a";
    private static final Duration LEASE = Duration.ofMinutes(1);

    protected EventStore store;
    private String jdbcUrl;

    /** A JDBC URL of an empty database or schema that no other test uses. */
    protected abstract String freshJdbcUrl() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        jdbcUrl = freshJdbcUrl();
        store = EventStore.open(jdbcUrl);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static NewEvent call(String key) {
        return event(EventType.CALL, IdempotencyKey.client(key), "same body");
    }

    private static NewEvent event(EventType type, IdempotencyKey key, String body) {
        return new NewEvent(type, "xcally", key, "{\"callId\":\"" + key.value() + "\"}", "digest of " + body,
                List.of());
    }

    private String acceptNew(String key) {
        Acceptance acceptance = store.accept(call(key));
        assertFalse(acceptance.duplicate());
        return acceptance.eventId();
    }

    private ClaimedEvent claimOnly(String id) {
        List<ClaimedEvent> claimed = store.claimDue(10, NODE, LEASE);
        assertEquals(1, claimed.size(), claimed.toString());
        assertEquals(id, claimed.get(0).id());
        return claimed.get(0);
    }

    @Test
    void shouldAcceptAnEventOnceAndAnswerTheSameIdForItsKey() {
        Acceptance first = store.accept(call("k1"));
        Acceptance again = store.accept(call("k1"));
        assertFalse(first.duplicate());
        assertTrue(again.duplicate());
        assertEquals(first.eventId(), again.eventId());
        assertEquals(1, store.count());
        StoredEvent stored = store.find(first.eventId()).orElseThrow();
        assertEquals(EventStatus.PENDING, stored.status());
        assertEquals(EventType.CALL, stored.type());
        assertEquals("xcally", stored.source());
        assertEquals(0, stored.attempts());
        assertNull(stored.error());
    }

    @Test
    void shouldClaimOnlyDuePendingEventsAndCountTheAttempt() {
        String id = acceptNew("k1");
        ClaimedEvent claimed = claimOnly(id);
        assertEquals(1, claimed.attempts());
        assertEquals(EventType.CALL, claimed.type());
        assertEquals("{\"callId\":\"k1\"}", claimed.payload());
        assertEquals(EventStatus.PROCESSING, store.find(id).orElseThrow().status());
        assertTrue(store.claimDue(10, NODE, LEASE).isEmpty(), "a processing event is not claimed twice");
    }

    @Test
    void shouldSayWhetherAnyEventIsStillToEnd() {
        assertFalse(store.hasUnfinished(), "an empty store");
        String done = acceptNew("k1");
        assertTrue(store.markDone(claimOnly(done), List.of(), List.of()));
        assertFalse(store.hasUnfinished(), "its only event done");
        String pending = acceptNew("k2");
        assertTrue(store.hasUnfinished(), "one pending");
        ClaimedEvent processing = claimOnly(pending);
        assertTrue(store.hasUnfinished(), "one processing");
        assertTrue(store.markFailed(processing, new EventError("E", "refused"), List.of(), List.of()));
        assertFalse(store.hasUnfinished(), "one done, one failed");
    }

    @Test
    void shouldTellWhenTheLongestWaitingPendingEventWasAccepted() throws Exception {
        assertTrue(store.oldestPending().isEmpty(), "an empty store");
        String first = acceptNew("k1");
        Thread.sleep(5);
        acceptNew("k2");
        assertEquals(store.find(first).orElseThrow().receivedAt(), store.oldestPending().orElseThrow());
        ClaimedEvent claimed = store.claimDue(1, NODE, LEASE).get(0);
        assertEquals(first, claimed.id(), "the oldest is claimed first");
        String second = store.list(Optional.of(EventStatus.PENDING), 10).get(0).id();
        assertEquals(store.find(second).orElseThrow().receivedAt(), store.oldestPending().orElseThrow(),
                "a claimed event no longer waits");
        assertTrue(store.markDone(claimOnly(second), List.of(), List.of()));
        assertTrue(store.oldestPending().isEmpty(), "one processing, one done: none waits");
    }

    @Test
    void shouldNeverLetTwoClaimersWinTheSameEvent() throws Exception {
        for (int i = 0; i < 60; i++) {
            acceptNew("k" + i);
        }
        ExecutorService claimers = Executors.newFixedThreadPool(4);
        try (EventStore otherNode = EventStore.open(jdbcUrl)) {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                EventStore claimer = c % 2 == 0 ? store : otherNode;
                results.add(claimers.submit(() -> claimUntilEmpty(claimer)));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get());
            }
            assertEquals(60, all.size());
            assertEquals(60, new HashSet<>(all).size());
        } finally {
            claimers.shutdown();
        }
    }

    private static List<String> claimUntilEmpty(EventStore claimer) {
        List<String> ids = new ArrayList<>();
        List<ClaimedEvent> batch;
        while (!(batch = claimer.claimDue(5, Thread.currentThread().getName(), LEASE)).isEmpty()) {
            batch.forEach(event -> ids.add(event.id()));
        }
        return ids;
    }

    @Test
    void shouldKeepRecordsAndWarningsOfADoneEvent() {
        String id = acceptNew("k1");
        ClaimedEvent claim = claimOnly(id);
        List<ProducedRecord> records = List.of(new ProducedRecord("Case", "500000000000001AAA", "created"));
        assertTrue(store.markDone(claim, records, List.of("two contacts matched")));
        StoredEvent done = store.find(id).orElseThrow();
        assertEquals(EventStatus.DONE, done.status());
        assertEquals(records, done.records());
        assertEquals(List.of("two contacts matched"), done.warnings());
        assertNull(done.error());
        assertFalse(store.markFailed(claim, new EventError("X", "late"), List.of(), List.of()), "only a processing event is finished");
    }

    @Test
    void shouldKeepTheErrorOfAFailedEvent() {
        String id = acceptNew("k1");
        ClaimedEvent claim = claimOnly(id);
        store.markFailed(claim, new EventError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Status: bad value"), List.of(), List.of());
        StoredEvent failed = store.find(id).orElseThrow();
        assertEquals(EventStatus.FAILED, failed.status());
        assertEquals(new EventError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Status: bad value"), failed.error());
    }

    @Test
    void shouldKeepTheReasonOfASkippedEvent() {
        String id = acceptNew("k1");
        ClaimedEvent claim = claimOnly(id);
        store.markSkipped(claim, "no trigger matched", List.of());
        StoredEvent skipped = store.find(id).orElseThrow();
        assertEquals(EventStatus.SKIPPED, skipped.status());
        assertEquals(new EventError("skipped", "no trigger matched"), skipped.error());
    }

    @Test
    void shouldReturnARetriedEventToPendingUntilItsNextAttempt() throws Exception {
        String id = acceptNew("k1");
        ClaimedEvent claim = claimOnly(id);
        store.retryLater(claim, Instant.now().plusMillis(300), new EventError("SERVER_UNAVAILABLE", "busy"));
        StoredEvent waiting = store.find(id).orElseThrow();
        assertEquals(EventStatus.PENDING, waiting.status());
        assertEquals("SERVER_UNAVAILABLE", waiting.error().code());
        assertTrue(store.claimDue(10, NODE, LEASE).isEmpty(), "not due yet");
        Thread.sleep(400);
        assertEquals(2, claimOnly(id).attempts());
    }

    @Test
    void shouldMakeTheEventsHeldWithACodeDueAtOnceWhenTheirHoldEnds() {
        String refused = acceptNew("k1");
        String paused = acceptNew("k2");
        String retried = acceptNew("k3");
        Map<String, ClaimedEvent> claims = store.claimDue(10, NODE, LEASE).stream()
                .collect(Collectors.toMap(ClaimedEvent::id, claim -> claim));
        assertEquals(3, claims.size());
        Instant later = Instant.now().plusSeconds(3600);
        store.holdUntil(claims.get(refused), later, new EventError("LOGIN_REFUSED", "login refused"), false);
        store.holdUntil(claims.get(paused), later, new EventError("API_PAUSED", "paused"), false);
        store.retryLater(claims.get(retried), later, new EventError("SERVER_UNAVAILABLE", "busy"));
        AtomicInteger announcements = new AtomicInteger();
        store.onNewWork(announcements::incrementAndGet);

        assertEquals(1, store.releaseHeld("LOGIN_REFUSED"));

        ClaimedEvent released = claimOnly(refused);
        assertEquals(1, released.attempts(), "the held run was taken back, so this is the first attempt");
        assertEquals(1, announcements.get());
        assertEquals(0, store.releaseHeld("LOGIN_REFUSED"), "nothing left to release");
        assertEquals(1, announcements.get(), "no work, no announcement");
    }

    @Test
    void shouldMakeAHeldEventDueNowAndWakeTheWorkerButLeaveOtherStatusesAlone() throws InterruptedException {
        AtomicInteger announcements = new AtomicInteger();
        store.onNewWork(announcements::incrementAndGet);
        String id = acceptNew("k1");
        // the acceptance is announced by the committing thread, just after the caller has its answer
        for (int waited = 0; announcements.get() == 0 && waited < 5_000; waited += 5) {
            Thread.sleep(5);
        }
        assertEquals(1, announcements.get(), "the acceptance");
        ClaimedEvent claim = claimOnly(id);
        assertFalse(store.makeDue(id), "an event still processing is not pending");
        store.holdUntil(claim, Instant.now().plusSeconds(3600), new EventError("ATTACHMENTS_DOWNLOADING", "waiting"), false);
        assertTrue(store.claimDue(10, NODE, LEASE).isEmpty(), "held for an hour");

        assertTrue(store.makeDue(id));
        assertEquals(2, announcements.get(), "the wait ended early");
        ClaimedEvent again = claimOnly(id);
        assertEquals(1, again.attempts(), "the hold before the first call counted no attempt");
        store.markDone(again, List.of(), List.of());
        assertFalse(store.makeDue(id));
        assertEquals(EventStatus.DONE, store.find(id).orElseThrow().status());
        assertEquals(2, announcements.get(), "a done event is no new work");
    }

    @Test
    void shouldListNewestFirstFilteredByStatusAndLimited() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(acceptNew("k" + i));
            Thread.sleep(5);
        }
        store.markFailed(store.claimDue(1, NODE, LEASE).get(0), new EventError("E", "m"), List.of(), List.of());
        assertEquals(List.of(ids.get(3), ids.get(2)), idsOf(store.list(Optional.empty(), 2)));
        assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1)), idsOf(store.list(Optional.of(EventStatus.PENDING), 50)));
        assertEquals(List.of(ids.get(0)), idsOf(store.list(Optional.of(EventStatus.FAILED), 50)));
        assertEquals(1L, store.countsByStatus().get(EventStatus.FAILED));
        assertEquals(3L, store.countsByStatus().get(EventStatus.PENDING));
    }

    @Test
    void shouldShowAClaimedEventAsProcessingInEveryListAndCount() throws Exception {
        String claimed = acceptNew("k1");
        Thread.sleep(5);
        String waiting = acceptNew("k2");
        List<ClaimedEvent> claims = store.claimDue(1, NODE, LEASE);
        assertEquals(List.of(claimed), claims.stream().map(ClaimedEvent::id).toList(), "the oldest due first");

        assertEquals(List.of(claimed), idsOf(store.list(Optional.of(EventStatus.PROCESSING), 50)));
        assertEquals(List.of(waiting), idsOf(store.list(Optional.of(EventStatus.PENDING), 50)));
        assertEquals(List.of(claimed), idsOf(store.page(EventFilter.ALL.withStatus(EventStatus.PROCESSING),
                Optional.empty(), 50).events()));
        assertEquals(1, store.count(EventFilter.ALL.withStatus(EventStatus.PENDING)));
        Map<EventStatus, Long> counts = store.countsByStatus();
        assertEquals(1L, counts.get(EventStatus.PENDING));
        assertEquals(1L, counts.get(EventStatus.PROCESSING));
        assertEquals(Map.of(EventStatus.PENDING, 1L, EventStatus.PROCESSING, 1L),
                store.countsByTypeAndStatus().get(EventType.CALL));
        assertEquals(store.find(waiting).orElseThrow().receivedAt(), store.oldestPending().orElseThrow(),
                "the oldest waiting, not the older one being processed");

        assertTrue(store.markDone(claims.get(0), List.of(), List.of()));
        assertEquals(Map.of(EventStatus.PENDING, 1L, EventStatus.DONE, 1L), store.countsByTypeAndStatus().get(EventType.CALL));
    }

    @Test
    void shouldNotMakeAnEventBeingProcessedAgainDueWhenTheHoldItWasUnderEnds() {
        String id = acceptNew("k1");
        // held, and due again at once: the next claim runs it while it still shows the hold's error
        store.holdUntil(claimOnly(id), Instant.now(), new EventError("LOGIN_REFUSED", "login refused"), false);
        ClaimedEvent again = claimOnly(id);
        assertEquals("LOGIN_REFUSED", store.find(id).orElseThrow().error().code());

        assertEquals(0, store.releaseHeld("LOGIN_REFUSED"), "a hold's end moves no event being processed");
        assertFalse(store.makeDue(id));
        assertTrue(store.claimDue(10, NODE, LEASE).isEmpty(), "no second claim while the first holds it");
        assertTrue(store.markDone(again, List.of(), List.of()));
    }

    private static List<String> idsOf(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::id).toList();
    }

    @Test
    void shouldReplayOnlyFailedOrSkippedEvents() {
        String failed = acceptNew("k1");
        store.markFailed(claimOnly(failed), new EventError("E", "m"), List.of(), List.of());
        String pending = acceptNew("k2");

        assertEquals(ReplayResult.REQUEUED, store.replay(failed));
        StoredEvent requeued = store.find(failed).orElseThrow();
        assertEquals(EventStatus.PENDING, requeued.status());
        assertEquals(0, requeued.attempts());
        assertNull(requeued.error());
        assertEquals(ReplayResult.NOT_REPLAYABLE, store.replay(pending));
        assertEquals(ReplayResult.NOT_FOUND, store.replay("no-such-event"));
    }

    @Test
    void shouldRequeueOnlyTheEventsItsOwnNodeWasProcessing() {
        String mine = acceptNew("k1");
        store.claimDue(1, NODE, LEASE);
        String theirs = acceptNew("k2");
        store.claimDue(1, "node-b", LEASE);

        assertEquals(1, store.requeueInterrupted(NODE));
        assertEquals(EventStatus.PENDING, store.find(mine).orElseThrow().status());
        assertEquals(EventStatus.PROCESSING, store.find(theirs).orElseThrow().status());
    }

    @Test
    void shouldLetAnotherNodeTakeOverAnEventWhoseLeaseRanOutAndFenceOffTheFormerHolder() throws Exception {
        String id = acceptNew("k1");
        ClaimedEvent first = store.claimDue(10, NODE, Duration.ofMillis(200)).get(0);
        assertTrue(store.claimDue(10, "node-b", LEASE).isEmpty(), "the lease still holds");
        Thread.sleep(300);

        List<ClaimedEvent> takenOver = store.claimDue(10, "node-b", LEASE);
        assertEquals(1, takenOver.size());
        ClaimedEvent second = takenOver.get(0);
        assertEquals(id, second.id());
        assertEquals(2, second.attempts(), "the take-over runs as a retry");
        assertNotEquals(first.token(), second.token());

        assertFalse(store.holdClaim(first, Instant.now().plus(LEASE)), "the former holder may write no more");
        assertFalse(store.markDone(first, List.of(), List.of()), "nor record an outcome");
        assertEquals(Set.of(id), store.renewLeases(List.of(first), Instant.now().plus(LEASE)), "taken over");
        assertTrue(store.holdClaim(second, Instant.now().plus(LEASE)));
        assertTrue(store.markDone(second, List.of(), List.of()));
        assertEquals(EventStatus.DONE, store.find(id).orElseThrow().status());
    }

    private String acceptDelivery(String key) {
        return store.accept(event(EventType.SMS_DELIVERY, IdempotencyKey.client(key), "same body")).eventId();
    }

    @Test
    void shouldLeaveBatchedTypesToTheClaimOfTheirTypeUntilABatchIsReady() throws Exception {
        String call = acceptNew("k1");
        String first = acceptDelivery("d1");
        String second = acceptDelivery("d2");

        assertEquals(List.of(call), store.claimDue(10, NODE, LEASE).stream().map(ClaimedEvent::id).toList(),
                "the plain claim leaves batched types out");
        assertTrue(store.batchReady(EventType.SMS_DELIVERY, 2, Duration.ofHours(1)), "a full batch is due");
        assertFalse(store.batchReady(EventType.SMS_DELIVERY, 3, Duration.ofHours(1)), "two of three, not waited yet");
        Thread.sleep(50);
        assertTrue(store.batchReady(EventType.SMS_DELIVERY, 3, Duration.ofMillis(20)), "the oldest waited long enough");
        assertFalse(store.batchReady(EventType.CASE_ACKNOWLEDGED, 1, Duration.ZERO), "none of that type");

        List<ClaimedEvent> batch = store.claimDue(200, NODE, LEASE, EventType.SMS_DELIVERY);
        assertEquals(Set.of(first, second), batch.stream().map(ClaimedEvent::id).collect(Collectors.toSet()));
        assertFalse(store.batchReady(EventType.SMS_DELIVERY, 1, Duration.ZERO), "claimed, no longer due");
    }

    @Test
    void shouldSaveProgressOnlyWhileTheClaimHoldsAndKeepItForTheNextAttempt() throws Exception {
        String id = acceptNew("k1");
        assertTrue(store.progress(id).isEmpty());
        ClaimedEvent first = store.claimDue(10, NODE, Duration.ofMillis(200)).get(0);

        assertTrue(store.saveProgress(first, "{\"batches\":1}"));
        assertTrue(store.saveProgress(first, "{\"batches\":2}"));
        assertEquals("{\"batches\":2}", store.progress(id).orElseThrow());
        Thread.sleep(300);
        ClaimedEvent takenOver = store.claimDue(10, "node-b", LEASE).get(0);

        assertFalse(store.saveProgress(first, "{\"batches\":3}"), "a node that lost the event moves nothing");
        assertEquals("{\"batches\":2}", store.progress(id).orElseThrow(), "the next attempt reads on from here");
        assertTrue(store.saveProgress(takenOver, "{\"batches\":3}"));
        assertTrue(store.markDone(takenOver, List.of(), List.of()));
        assertFalse(store.saveProgress(takenOver, "{\"batches\":4}"), "an ended event's progress stays");
        assertEquals("{\"batches\":3}", store.progress(id).orElseThrow());
    }

    private Instant leaseUntil(String id) throws Exception {
        try (Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT lease_until FROM events WHERE id = '" + id + "'")) {
            assertTrue(rows.next());
            return rows.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    @Test
    void shouldExtendALeaseBeforeAWriteOnlyWhenLessThanHalfOfWhatIsAskedIsLeft() throws Exception {
        String id = acceptNew("k1");
        ClaimedEvent claim = store.claimDue(10, NODE, Duration.ofSeconds(10)).get(0);
        Instant claimed = leaseUntil(id);

        assertTrue(store.holdClaim(claim, Instant.now().plusSeconds(10)), "held");
        assertEquals(claimed, leaseUntil(id), "ten seconds left of ten asked: nothing written");
        assertTrue(store.holdClaim(claim, Instant.now().plusSeconds(60)), "held");
        assertTrue(leaseUntil(id).isAfter(Instant.now().plusSeconds(50)), "ten left of sixty asked: extended");

        try (Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE events SET claim_token = 'other-node-claim' WHERE id = '" + id + "'");
        }
        assertFalse(store.holdClaim(claim, Instant.now().plusSeconds(10)), "taken over while the lease was long");
    }

    @Test
    void shouldKeepARenewedLeaseFromBeingTakenOver() throws Exception {
        acceptNew("k1");
        acceptNew("k2");
        List<ClaimedEvent> claimed = store.claimDue(10, NODE, Duration.ofMillis(300));
        assertEquals(2, claimed.size());

        assertEquals(Set.of(), store.renewLeases(claimed, Instant.now().plus(LEASE)), "none taken over");
        Thread.sleep(400);
        assertTrue(store.claimDue(10, "node-b", LEASE).isEmpty(), "renewed for a minute");
    }

    @Test
    void shouldNotMistakeAClaimThatFinishedBeforeItsRenewalForATakeOver() {
        acceptNew("k1");
        acceptNew("k2");
        List<ClaimedEvent> claimed = store.claimDue(10, NODE, LEASE);
        assertTrue(store.markDone(claimed.get(0), List.of(), List.of()));

        assertEquals(Set.of(), store.renewLeases(claimed, Instant.now().plus(LEASE)),
                "a claim done here keeps its token, so only a new claim's token marks a take-over");
    }

    @Test
    void shouldListTheNodesSeenSinceAGivenTime() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.nodeSeen("node-a", now.minusSeconds(600));
        store.nodeSeen("node-b", now.minusSeconds(600));
        store.nodeSeen("node-b", now);
        store.nodeSeen("node-c", now.minusSeconds(1));

        List<NodeSeen> alive = store.nodesSeenSince(now.minusSeconds(60));
        assertEquals(List.of(new NodeSeen("node-b", now), new NodeSeen("node-c", now.minusSeconds(1))), alive);
    }

    @Test
    void shouldAnnounceNewWorkWhenAnEventIsAcceptedOrReplayed() {
        AtomicInteger announcements = new AtomicInteger();
        store.onNewWork(announcements::incrementAndGet);
        String id = acceptNew("k1");
        store.accept(call("k1"));
        assertEquals(1, announcements.get(), "a duplicate is no new work");
        store.markSkipped(claimOnly(id), "nothing to do", List.of());
        store.replay(id);
        assertEquals(2, announcements.get());
    }

    @Test
    void shouldKeepTheLatestValueOfEachWatermark() {
        assertTrue(store.watermark("casexchange").isEmpty());
        store.setWatermark("casexchange", "2026-11-20T15:30:00Z");
        store.setWatermark("casexchange", "2026-11-20T16:00:00Z");
        store.setWatermark("other", "1");
        assertEquals(Optional.of("2026-11-20T16:00:00Z"), store.watermark("casexchange"));
        assertEquals(Optional.of("1"), store.watermark("other"));
    }

    @Test
    void shouldGiveEachAcceptedEventItsOwnId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(acceptNew("k" + i));
        }
        assertEquals(20, ids.size());
        assertNotEquals(ids.iterator().next(), acceptNew("another"));
    }

    @Test
    void shouldScopeIdempotencyKeysByEventTypeAndByWhoMadeThem() {
        // issue 9: a call's client key equal to a conversation's key, or shaped like a derived key, took its place
        String derived = "[\"conversation-closed\",\"witiop\",\"1793\"]";
        Acceptance conversation = store.accept(event(EventType.CONVERSATION_CLOSED, IdempotencyKey.derived(derived), "a"));
        Acceptance callWithThatKey = store.accept(event(EventType.CALL, IdempotencyKey.client(derived), "b"));
        Acceptance clientKeyLikeDerived = store.accept(event(EventType.CONVERSATION_CLOSED, IdempotencyKey.client(derived), "c"));
        Acceptance sameClientKeyOtherType = store.accept(event(EventType.CASE_ACKNOWLEDGED, IdempotencyKey.client(derived), "d"));
        for (Acceptance acceptance : List.of(conversation, callWithThatKey, clientKeyLikeDerived, sameClientKeyOtherType)) {
            assertEquals(Acceptance.Outcome.ACCEPTED, acceptance.outcome());
        }
        assertEquals(4, store.count());
        assertEquals(4, Set.of(conversation.eventId(), callWithThatKey.eventId(), clientKeyLikeDerived.eventId(),
                sameClientKeyOtherType.eventId()).size());
    }

    @Test
    void shouldRefuseAKeyReusedForAnotherBodyAndStoreNothing() {
        String first = acceptNew("k1");
        Acceptance sameBody = store.accept(event(EventType.CALL, IdempotencyKey.client("k1"), "same body"));
        Acceptance otherBody = store.accept(event(EventType.CALL, IdempotencyKey.client("k1"), "another body"));
        assertEquals(new Acceptance(first, Acceptance.Outcome.DUPLICATE), sameBody);
        assertEquals(new Acceptance(null, Acceptance.Outcome.KEY_REUSED), otherBody);
        assertEquals(1, store.count());
    }

    @Test
    void shouldTellDuplicatesFromReusedKeysWithinOneGroupCommit() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Acceptance>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String body = i % 2 == 0 ? "even" : "odd";
                answers.add(callers.submit(() -> store.accept(event(EventType.CALL, IdempotencyKey.client("shared"), body))));
            }
            int accepted = 0;
            int duplicates = 0;
            int reused = 0;
            for (Future<Acceptance> answer : answers) {
                switch (answer.get().outcome()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> duplicates++;
                    case KEY_REUSED -> reused++;
                }
            }
            assertEquals(1, accepted);
            assertEquals(7, duplicates);
            assertEquals(8, reused);
            assertEquals(1, store.count());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void shouldAcceptManyEventsTogetherAnsweringEachInItsOrder() {
        String before = acceptNew("k-300");
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            events.add(call("k-" + i));
        }
        events.add(call("k-5"));
        events.add(event(EventType.CALL, IdempotencyKey.client("k-6"), "another body"));
        List<Acceptance> answers = store.acceptAll(events);
        assertEquals(events.size(), answers.size());
        assertEquals(new Acceptance(before, Acceptance.Outcome.DUPLICATE), answers.get(300), "stored before the batch");
        for (int i = 0; i < 600; i++) {
            if (i != 300) {
                assertEquals(Acceptance.Outcome.ACCEPTED, answers.get(i).outcome(), "event " + i);
                assertEquals("{\"callId\":\"k-" + i + "\"}", store.payload(answers.get(i).eventId()).orElseThrow());
            }
        }
        assertEquals(new Acceptance(answers.get(5).eventId(), Acceptance.Outcome.DUPLICATE), answers.get(600));
        assertEquals(new Acceptance(null, Acceptance.Outcome.KEY_REUSED), answers.get(601));
        assertEquals(600, store.count());
    }

    @Test
    void shouldKeepTheKeysStoredBeforeKeysWereScoped() throws Exception {
        String oldUrl = freshJdbcUrl();
        Flyway.configure().dataSource(oldUrl, null, null).locations("classpath:db/migration")
                .target("1").load().migrate();
        try (Connection connection = DriverManager.getConnection(oldUrl);
             Statement insert = connection.createStatement()) {
            insert.executeUpdate("INSERT INTO events (id, event_type, source, idempotency_key, payload, status, attempts, "
                    + "received_at, updated_at, next_attempt_at) VALUES "
                    + "('old-derived', 'call', 'xcally', '[\"call\",\"xcally\",\"c-1\",\"answered\"]', '{}', 'done', 1, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), "
                    + "('old-client', 'call', 'xcally', 'delivery-7', '{}', 'done', 1, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        try (EventStore migrated = EventStore.open(oldUrl)) {
            Acceptance derived = migrated.accept(event(EventType.CALL,
                    IdempotencyKey.derived("[\"call\",\"xcally\",\"c-1\",\"answered\"]"), "any"));
            Acceptance client = migrated.accept(event(EventType.CALL, IdempotencyKey.client("delivery-7"), "any"));
            Acceptance sameKeyOtherOrigin = migrated.accept(event(EventType.CALL, IdempotencyKey.derived("delivery-7"), "any"));
            assertEquals(new Acceptance("old-derived", Acceptance.Outcome.DUPLICATE), derived);
            assertEquals(new Acceptance("old-client", Acceptance.Outcome.DUPLICATE), client);
            assertEquals(Acceptance.Outcome.ACCEPTED, sameKeyOtherOrigin.outcome());
        }
    }

    @Test
    void shouldKeepThePayloadsStoredBeforeTheyHadATableOfTheirOwn() throws Exception {
        String oldUrl = freshJdbcUrl();
        StoreDatabase.migrations(oldUrl).dataSource(oldUrl, null, null).target("8").load().migrate();
        String payload = "{\"callId\":\"before-v9\",\"note\":\"" + "x".repeat(5_000) + "\"}";
        try (Connection connection = DriverManager.getConnection(oldUrl);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO events (id, event_type, source, "
                     + "idempotency_key, key_origin, payload, status, attempts, received_at, updated_at, next_attempt_at) "
                     + "VALUES ('old-pending', 'call', 'xcally', 'old-1', 'client', ?, 'pending', 0, CURRENT_TIMESTAMP, "
                     + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setString(1, payload);
            insert.executeUpdate();
        }
        try (EventStore migrated = EventStore.open(oldUrl)) {
            assertEquals(payload, migrated.payload("old-pending").orElseThrow(), "the status API's payload");
            List<ClaimedEvent> claimed = migrated.claimDue(10, NODE, LEASE);
            assertEquals(List.of("old-pending"), claimed.stream().map(ClaimedEvent::id).toList());
            assertEquals(payload, claimed.get(0).payload(), "the worker's payload");
            String id = migrated.accept(event(EventType.CALL, IdempotencyKey.client("after-v9"), "any")).eventId();
            assertEquals("{\"callId\":\"after-v9\"}", migrated.payload(id).orElseThrow(), "accepted after");
        }
    }

    @Test
    void shouldPageThroughAFilterNewestFirstWithEveryEventOnce() {
        Set<String> accepted = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            accepted.add(acceptNew("page-" + i));
        }
        store.accept(new NewEvent(EventType.CASE_ACKNOWLEDGED, "casexchange", IdempotencyKey.client("other"), "{}",
                "digest", List.of(), "CX-1"));
        EventFilter calls = new EventFilter(Optional.of(EventType.CALL), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        List<String> seen = new ArrayList<>();
        Optional<EventCursor> after = Optional.empty();
        int pages = 0;
        do {
            EventPage page = store.page(calls, after, 3);
            page.events().forEach(event -> seen.add(event.id()));
            after = page.next();
            pages++;
        } while (after.isPresent());
        assertEquals(3, pages);
        assertEquals(accepted, new HashSet<>(seen));
        assertEquals(7, seen.size(), "no event on two pages: " + seen);
        assertEquals(7, store.count(calls));
        assertEquals(8, store.count(EventFilter.ALL));
    }

    @Test
    void shouldKeepEachAttemptAsItEndedWithItsNodeOutcomeAndErrorAcrossAReplay() {
        String id = acceptNew("history");
        store.holdUntil(claimOnly(id), Instant.now(), new EventError("API_PAUSED", "paused"), false);
        store.retryLater(claimOnly(id), Instant.now(), new EventError("SERVER_UNAVAILABLE", "busy"));
        store.markFailed(claimOnly(id), new EventError("INVALID_FIELD", "no such field"), List.of(), List.of());
        store.replay(id);
        store.markDone(claimOnly(id), List.of(), List.of());

        List<EventAttempt> attempts = store.attempts(id);
        assertEquals(List.of("1 retried SERVER_UNAVAILABLE busy", "2 failed INVALID_FIELD no such field", "1 done"),
                attempts.stream().map(attempt -> attempt.attempt() + " " + attempt.outcome()
                        + (attempt.error() == null ? "" : " " + attempt.error().code() + " " + attempt.error().message()))
                        .toList(), "a hold that takes its attempt back is no attempt; a replay counts again from 1");
        assertTrue(attempts.stream().allMatch(attempt -> NODE.equals(attempt.node())), attempts.toString());
        for (int i = 1; i < attempts.size(); i++) {
            assertFalse(attempts.get(i).endedAt().isBefore(attempts.get(i - 1).endedAt()), attempts.toString());
        }
        assertTrue(store.attempts("no-such-event").isEmpty());
    }

    @Test
    void shouldKeepNoAttemptForAnOutcomeThatALostClaimCouldNotRecord() throws Exception {
        String id = acceptNew("lost");
        ClaimedEvent claim = claimOnly(id);
        try (Connection connection = store.dataSource().getConnection();
             Statement takeOver = connection.createStatement()) {
            takeOver.executeUpdate("UPDATE events SET claimed_by = 'node-b', claim_token = 'other' WHERE id = '" + id + "'");
        }
        assertFalse(store.markDone(claim, List.of(), List.of()));
        assertTrue(store.attempts(id).isEmpty(), store.attempts(id).toString());
    }

    @Test
    void shouldFindAnEventByItsOwnIdThePlatformsIdOrARecordItProduced() {
        String call = store.accept(new NewEvent(EventType.CALL, "xcally", IdempotencyKey.client("k1"), "{}", "d",
                List.of(), "1763633200.42")).eventId();
        store.markDone(claimOnly(call), List.of(new ProducedRecord("Task", "00T8d0000000001AAA", "created")), List.of());
        acceptNew("someone else");
        for (String id : List.of(call, "1763633200.42", "00T8d0000000001AAA")) {
            List<StoredEvent> found = store.page(byId(id), Optional.empty(), 10).events();
            assertEquals(1, found.size(), id);
            assertEquals(call, found.get(0).id(), id);
        }
        assertTrue(store.page(byId("00T8d0000000002AAA"), Optional.empty(), 10).events().isEmpty());
        assertTrue(store.page(byId("%"), Optional.empty(), 10).events().isEmpty(), "a wildcard is only a character");
    }

    @Test
    void shouldFindAReplayedEventByTheRecordsOfItsLastAttempt() {
        String id = acceptNew("replayed");
        ClaimedEvent first = claimOnly(id);
        ProducedRecord contact = new ProducedRecord("Contact", "0038d0000000001AAA", "linked");
        store.markFailed(first, new EventError("STORAGE_LIMIT_EXCEEDED", "full"), List.of(contact), List.of());
        store.replay(id);
        ClaimedEvent second = claimOnly(id);
        ProducedRecord task = new ProducedRecord("Task", "00T8d0000000009AAA", "created");
        assertTrue(store.markDone(second, List.of(contact, task, contact), List.of()));
        for (String recordId : List.of("0038d0000000001AAA", "00T8d0000000009AAA")) {
            assertEquals(List.of(id), store.page(byId(recordId), Optional.empty(), 10).events().stream()
                    .map(StoredEvent::id).toList(), recordId);
        }
    }

    private static EventFilter byId(String id) {
        return new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(id));
    }
}
