package io.switchboard.store;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.config.EngineSettings;
import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The durable event store behind intake, status API and worker: every accepted event with where its processing
 * stands, the watermarks of scheduled polls and the nodes sharing it. Safe for several engines sharing one PostgreSQL
 * database: an event is claimed by a conditional update that only one of them can win, for a lease that its node
 * renews while it works and that another node takes over once it runs out.
 *
 * <p>One face for four jobs, each in its own class: accepting ({@link EventIntake}), an event's way through
 * processing ({@link EventLifecycle}), reading events back ({@link EventQueries}) and the polls' watermarks
 * ({@link Watermarks}).
 */
public final class EventStore implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final NewWork newWork = new NewWork();
    private final EventIntake intake;
    private final EventQueries queries;
    private final EventLifecycle lifecycle;
    private final Watermarks watermarks;
    private final EventProgress progress;
    private final ContactLinks contactLinks;
    private final UnfinishedByKey unfinishedByKey;
    private final Nodes nodes;
    private final String jdbcUrl;

    private EventStore(String jdbcUrl, HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        StoreSql sql = new StoreSql(dataSource);
        this.intake = new EventIntake(sql, newWork);
        this.queries = new EventQueries(sql);
        this.lifecycle = new EventLifecycle(sql, newWork, queries);
        this.watermarks = new Watermarks(sql);
        this.progress = new EventProgress(sql);
        this.contactLinks = new ContactLinks(sql);
        this.unfinishedByKey = new UnfinishedByKey(sql);
        this.nodes = new Nodes(sql);
    }

    /** Opens the store the settings point at (SWITCHBOARD_DB_URL, else H2 under the data folder) and migrates it. */
    public static EventStore open(EngineSettings settings) {
        return open(StoreDatabase.jdbcUrl(settings));
    }

    /** An empty store in memory, gone once closed: for wiring the engine's steps without touching its data. */
    public static EventStore openThrowaway() {
        return open(StoreDatabase.inMemoryUrl("throwaway-" + UUID.randomUUID()));
    }

    public static EventStore open(String jdbcUrl) {
        return new EventStore(jdbcUrl, StoreDatabase.open(jdbcUrl));
    }

    /** Runs the listener whenever an event becomes pending now: accepted, replayed or released from a hold. */
    public void onNewWork(Runnable listener) {
        newWork.listen(listener);
    }

    /**
     * Stores the event unless one of its type with the same idempotency key exists: then it is a duplicate when its
     * body is the same and refused ({@link Acceptance.Outcome#KEY_REUSED}) when it differs. The insert is committed
     * when this returns, so the caller may answer 202. Concurrent callers share commits ({@link GroupCommit}).
     */
    public Acceptance accept(NewEvent event) {
        return intake.accept(event);
    }

    /**
     * {@link #accept} for many events at once, answered in their order: they are committed together, a few
     * hundred a transaction, rather than one commit each. Each is still a duplicate or a reused key on its own.
     */
    public List<Acceptance> acceptAll(List<NewEvent> events) {
        return intake.acceptAll(events);
    }

    /**
     * Claims up to {@code max} events for {@code node}, each for {@code lease}: first those whose lease ran out (a
     * take-over, run as a retry), then pending events that are due, oldest due first; each claim counts an attempt.
     * Two engines never claim the same event.
     */
    public List<ClaimedEvent> claimDue(int max, String node, Duration lease) {
        return lifecycle.claimDue(max, node, lease, Optional.empty());
    }

    /**
     * As {@link #claimDue(int, String, Duration)}, of one type only: how the worker claims a batch of a type whose
     * route writes many events in one Salesforce call. The plain claim leaves such types out.
     */
    public List<ClaimedEvent> claimDue(int max, String node, Duration lease, EventType type) {
        return lifecycle.claimDue(max, node, lease, Optional.of(type));
    }

    /** Whether a batch of the type is due: {@code batchSize} of them, or one that has waited {@code linger}. */
    public boolean batchReady(EventType type, int batchSize, Duration linger) {
        return lifecycle.batchReady(type, batchSize, linger);
    }

    /** Extends the leases of these claims to {@code until}; answers the ids of those taken over by another node. */
    public Set<String> renewLeases(Collection<ClaimedEvent> claims, Instant until) {
        return lifecycle.renewLeases(claims, until);
    }

    /**
     * Whether the claim still holds its event, extending its lease to {@code until} when less than half of that is
     * left.
     */
    public boolean holdClaim(ClaimedEvent claim, Instant until) {
        return lifecycle.holdClaim(claim, until);
    }

    /**
     * The route wrote what it had to: keeps the records it produced and its warnings. Like every change below, only
     * while the claim holds the event; answers whether it did.
     */
    public boolean markDone(ClaimedEvent claim, List<ProducedRecord> records, List<String> warnings) {
        return lifecycle.markDone(claim, records, warnings);
    }

    /** The event cannot be processed as it is; it stays failed until an operator replays it. */
    public boolean markFailed(ClaimedEvent claim, EventError error, List<ProducedRecord> records, List<String> warnings) {
        return lifecycle.markFailed(claim, error, records, warnings);
    }

    /** The event needs no Salesforce write; the reason shows as its error with code {@code skipped}. */
    public boolean markSkipped(ClaimedEvent claim, String reason, List<String> warnings) {
        return lifecycle.markSkipped(claim, reason, warnings);
    }

    /** A transient failure: the event goes back to pending, due at {@code nextAttempt}, keeping the error seen. */
    public boolean retryLater(ClaimedEvent claim, Instant nextAttempt, EventError error) {
        return lifecycle.retryLater(claim, nextAttempt, error);
    }

    /** Not a failure: the event waits, pending, until {@code due}, showing why (see {@link EventLifecycle}). */
    public boolean holdUntil(ClaimedEvent claim, Instant due, EventError reason, boolean attemptCounts) {
        return lifecycle.holdUntil(claim, due, reason, attemptCounts);
    }

    /** The events held with {@code holdCode} become due now (a refused login was accepted); answers how many. */
    public int releaseHeld(String holdCode) {
        return lifecycle.releaseHeld(holdCode);
    }

    /** Ends a pending event's wait early; false, changing nothing, when it is not pending. */
    public boolean makeDue(String id) {
        return lifecycle.makeDue(id);
    }

    /** Puts a failed or skipped event back to pending, due now, with its attempts and last outcome cleared. */
    public ReplayResult replay(String id) {
        return lifecycle.replay(id);
    }

    /** Puts the events {@code node} was processing when it stopped back to pending: called at start-up. */
    public int requeueInterrupted(String node) {
        return lifecycle.requeueInterrupted(node);
    }

    public Optional<StoredEvent> find(String id) {
        return queries.find(id);
    }

    /** The event's attempts as they ended, oldest first: node, time, outcome and error of each. */
    public List<EventAttempt> attempts(String eventId) {
        return queries.attempts(eventId);
    }

    /** The newest events first, of one status or of any when status is empty. */
    public List<StoredEvent> list(Optional<EventStatus> status, int limit) {
        return queries.list(status, limit);
    }

    /** A page of the events the filter matches, newest first, after the cursor (from the newest when empty). */
    public EventPage page(EventFilter filter, Optional<EventCursor> after, int limit) {
        return queries.page(filter, after, limit);
    }

    /** How many events the filter matches. */
    public long count(EventFilter filter) {
        return queries.count(filter);
    }

    /** Where the events the filter matches stand in the list, newest first, for walking them in batches. */
    public List<EventCursor> cursors(EventFilter filter, Optional<EventCursor> after, int limit) {
        return queries.cursors(filter, after, limit);
    }

    /** The event's JSON as it was received. */
    public Optional<String> payload(String id) {
        return queries.payload(id);
    }

    public Map<EventStatus, Long> countsByStatus() {
        return queries.countsByStatus();
    }

    /** Event counts per type and status, for metrics; combinations with no event are absent. */
    public Map<EventType, Map<EventStatus, Long>> countsByTypeAndStatus() {
        return queries.countsByTypeAndStatus();
    }

    public long count() {
        return queries.count();
    }

    /** When the longest-waiting pending event was accepted; empty when none waits. One index lookup. */
    public Optional<Instant> oldestPending() {
        return queries.oldestPending();
    }

    /** Whether any event is still pending or processing: one index lookup, whatever the table holds. */
    public boolean hasUnfinished() {
        return queries.hasUnfinished();
    }

    public Optional<String> watermark(String name) {
        return watermarks.watermark(name);
    }

    public void setWatermark(String name, String value) {
        watermarks.setWatermark(name, value);
    }

    /** How far a long event has got, as its route saved it; empty before it saved any. */
    public Optional<String> progress(String eventId) {
        return progress.progress(eventId);
    }

    /** Saves how far the claimed event has got; false, saving nothing, when the claim no longer holds the event. */
    public boolean saveProgress(ClaimedEvent claim, String json) {
        return progress.save(claim, json);
    }

    /**
     * The derived idempotency keys of the type's other events still pending or processing that start with
     * {@code keyPrefix}: how a delivery finds earlier changes of its Contact not delivered yet.
     */
    public List<String> unfinishedKeys(EventType type, String keyPrefix, String exceptEventId) {
        return unfinishedByKey.keys(type, keyPrefix, exceptEventId);
    }

    /** The links between source contacts and Salesforce Contacts. */
    public ContactLinks contactLinks() {
        return contactLinks;
    }

    /** The node's heartbeat: it was alive at {@code at}. */
    public void nodeSeen(String node, Instant at) {
        nodes.seen(node, at);
    }

    /** The nodes whose heartbeat reached the store since {@code since}. */
    public List<NodeSeen> nodesSeenSince(Instant since) {
        return nodes.seenSince(since);
    }

    /** Whether the store is a database several engines may share (PostgreSQL), not the embedded file. */
    public boolean shared() {
        return dataSource.getJdbcUrl().startsWith(StoreDatabase.POSTGRESQL_PREFIX);
    }

    /** The store's connection pool, for what keeps its own tables beside the events (the clustered scheduler). */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        intake.close();
        lifecycle.close();
        StoreDatabase.close(jdbcUrl, dataSource);
    }
}
