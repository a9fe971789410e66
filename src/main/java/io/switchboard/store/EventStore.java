package io.switchboard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.config.EngineSettings;
import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The durable event store behind intake, status API and worker: every accepted event with where its processing
 * stands, and the watermarks of scheduled polls. Safe for several engines sharing one PostgreSQL database: an
 * event is claimed by a conditional update that only one of them can win.
 */
public final class EventStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ProducedRecord>> RECORDS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SKIPPED_CODE = "skipped";
    private static final String SUMMARY_COLUMNS = "id, event_type, source, status, attempts, received_at, updated_at, "
            + "next_attempt_at, error_code, error_message, produced_records, warnings";

    private static final String INSERT_EVENT = "INSERT INTO events (id, event_type, source, idempotency_key, key_origin, "
            + "body_digest, payload, warnings, status, attempts, received_at, updated_at, next_attempt_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)";

    private final HikariDataSource dataSource;
    private final List<Runnable> newWorkListeners = new CopyOnWriteArrayList<>();
    private final GroupCommit groupCommit;

    private EventStore(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.groupCommit = new GroupCommit(this::storeAll);
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
        return new EventStore(StoreDatabase.open(jdbcUrl));
    }

    /** Runs the listener whenever an event becomes pending now: accepted or replayed. */
    public void onNewWork(Runnable listener) {
        newWorkListeners.add(listener);
    }

    /**
     * Stores the event unless one of its type with the same idempotency key exists: then it is a duplicate when its
     * body is the same and refused ({@link Acceptance.Outcome#KEY_REUSED}) when it differs. The insert is committed
     * when this returns, so the caller may answer 202. Concurrent callers share commits ({@link GroupCommit}).
     */
    public Acceptance accept(NewEvent event) {
        return groupCommit.accept(event);
    }

    /** Inserts a batch in one transaction; when any row is refused (a repeated key), each is inserted on its own. */
    private void storeAll(List<GroupCommit.Waiting> batch) {
        Instant now = now();
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
                for (GroupCommit.Waiting waiting : batch) {
                    String id = UUID.randomUUID().toString();
                    bindInsert(insert, id, waiting.event(), now);
                    insert.addBatch();
                    ids.add(id);
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                insertOneByOne(batch);
                return;
            }
        } catch (SQLException e) {
            throw failure("store the events", e);
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).acceptance().complete(Acceptance.accepted(ids.get(i)));
        }
        announceNewWork();
    }

    private void insertOneByOne(List<GroupCommit.Waiting> batch) {
        boolean anyNew = false;
        for (GroupCommit.Waiting waiting : batch) {
            try {
                Acceptance acceptance = insertAlone(waiting.event());
                anyNew |= acceptance.outcome() == Acceptance.Outcome.ACCEPTED;
                waiting.acceptance().complete(acceptance);
            } catch (RuntimeException e) {
                waiting.acceptance().completeExceptionally(e);
            }
        }
        if (anyNew) {
            announceNewWork();
        }
    }

    private Acceptance insertAlone(NewEvent event) {
        String id = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
            bindInsert(insert, id, event, now());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return repeatOf(event);
            }
            throw failure("store the event", e);
        }
        return Acceptance.accepted(id);
    }

    private static void bindInsert(PreparedStatement insert, String id, NewEvent event, Instant now) throws SQLException {
        insert.setString(1, id);
        insert.setString(2, event.type().path());
        insert.setString(3, event.source());
        insert.setString(4, event.key().value());
        insert.setString(5, event.key().origin().column());
        insert.setString(6, event.bodyDigest());
        insert.setString(7, event.payload());
        insert.setString(8, event.warnings().isEmpty() ? null : toJson(event.warnings()));
        setInstant(insert, 9, now);
        setInstant(insert, 10, now);
        setInstant(insert, 11, now);
    }

    /**
     * The event already stored under this event's key: a duplicate when the bodies agree, a reused key when they
     * differ. Events stored before bodies were digested have none and count as duplicates.
     */
    private Acceptance repeatOf(NewEvent event) {
        return queryOne("SELECT id, body_digest FROM events WHERE event_type = ? AND key_origin = ? AND idempotency_key = ?",
                statement -> {
                    statement.setString(1, event.type().path());
                    statement.setString(2, event.key().origin().column());
                    statement.setString(3, event.key().value());
                }, rows -> {
                    String storedDigest = rows.getString(2);
                    boolean sameBody = storedDigest == null || storedDigest.equals(event.bodyDigest());
                    return sameBody ? new Acceptance(rows.getString(1), Acceptance.Outcome.DUPLICATE)
                            : new Acceptance(null, Acceptance.Outcome.KEY_REUSED);
                })
                .orElseThrow(() -> new StoreException("the event with this idempotency key vanished while being read"));
    }

    /**
     * Claims up to {@code max} pending events that are due, oldest due first, marking them processing by
     * {@code node} and counting the attempt. The claim is one conditional update of them all, so two engines never
     * claim the same event; what this node won is read back by its name.
     */
    public List<ClaimedEvent> claimDue(int max, String node) {
        Instant now = now();
        List<String> candidates = queryList(
                // status leads the ORDER BY so that the events_due index gives the order and the scan stops at the
                // limit; otherwise every claim sorts the whole backlog of pending events
                "SELECT id FROM events WHERE status = 'pending' AND next_attempt_at <= ? "
                        + "ORDER BY status, next_attempt_at, received_at LIMIT ?",
                statement -> {
                    setInstant(statement, 1, now);
                    statement.setInt(2, max);
                }, rows -> rows.getString(1));
        if (candidates.isEmpty()) {
            return List.of();
        }
        String ids = String.join(", ", Collections.nCopies(candidates.size(), "?"));
        int won = update("UPDATE events SET status = 'processing', attempts = attempts + 1, claimed_by = ?, updated_at = ? "
                + "WHERE status = 'pending' AND id IN (" + ids + ")", statement -> {
            statement.setString(1, node);
            setInstant(statement, 2, now);
            bindAll(statement, 3, candidates);
        });
        if (won == 0) {
            return List.of();
        }
        Map<String, ClaimedEvent> claimed = new HashMap<>();
        queryList("SELECT id, event_type, payload, attempts, received_at FROM events "
                + "WHERE status = 'processing' AND claimed_by = ? AND id IN (" + ids + ")", statement -> {
            statement.setString(1, node);
            bindAll(statement, 2, candidates);
        }, rows -> claimed.put(rows.getString(1), new ClaimedEvent(rows.getString(1), eventType(rows.getString(2)),
                rows.getString(3), rows.getInt(4), instant(rows, "received_at"))));
        return candidates.stream().map(claimed::get).filter(Objects::nonNull).toList();
    }

    private static void bindAll(PreparedStatement statement, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(first + i, values.get(i));
        }
    }

    /** The route wrote what it had to: keeps the records it produced and its warnings. */
    public boolean markDone(String id, List<ProducedRecord> records, List<String> warnings) {
        return finish(id, "UPDATE events SET status = 'done', produced_records = ?, warnings = ?, "
                + "error_code = NULL, error_message = NULL, updated_at = ? WHERE id = ? AND status = 'processing'", statement -> {
            statement.setString(1, toJson(records));
            statement.setString(2, toJson(warnings));
            setInstant(statement, 3, now());
            statement.setString(4, id);
        });
    }

    /** The event cannot be processed as it is; it stays failed until an operator replays it. */
    public boolean markFailed(String id, EventError error, List<ProducedRecord> records, List<String> warnings) {
        return finish(id, "UPDATE events SET status = 'failed', error_code = ?, error_message = ?, produced_records = ?, "
                + "warnings = ?, updated_at = ? WHERE id = ? AND status = 'processing'", statement -> {
            statement.setString(1, error.code());
            statement.setString(2, error.message());
            statement.setString(3, toJson(records));
            statement.setString(4, toJson(warnings));
            setInstant(statement, 5, now());
            statement.setString(6, id);
        });
    }

    /** The event needs no Salesforce write; the reason shows as its error with code {@code skipped}. */
    public boolean markSkipped(String id, String reason, List<String> warnings) {
        return finish(id, "UPDATE events SET status = 'skipped', error_code = ?, error_message = ?, warnings = ?, updated_at = ? "
                + "WHERE id = ? AND status = 'processing'", statement -> {
            statement.setString(1, SKIPPED_CODE);
            statement.setString(2, reason);
            statement.setString(3, toJson(warnings));
            setInstant(statement, 4, now());
            statement.setString(5, id);
        });
    }

    /** A transient failure: the event goes back to pending, due at {@code nextAttempt}, keeping the error seen. */
    public boolean retryLater(String id, Instant nextAttempt, EventError error) {
        return finish(id, "UPDATE events SET status = 'pending', next_attempt_at = ?, error_code = ?, error_message = ?, "
                + "claimed_by = NULL, updated_at = ? WHERE id = ? AND status = 'processing'", statement -> {
            setInstant(statement, 1, nextAttempt.truncatedTo(ChronoUnit.MILLIS));
            statement.setString(2, error.code());
            statement.setString(3, error.message());
            setInstant(statement, 4, now());
            statement.setString(5, id);
        });
    }

    /**
     * Not a failure: the event's connection is paused, so it goes back to pending, due at {@code due}, showing why.
     * Unless {@code attemptCounts}, the attempt its claim counted is taken back: a run held before its first call
     * wrote nothing.
     */
    public boolean holdUntil(String id, Instant due, EventError reason, boolean attemptCounts) {
        return finish(id, "UPDATE events SET status = 'pending', next_attempt_at = ?, error_code = ?, error_message = ?, "
                + "attempts = attempts - ?, claimed_by = NULL, updated_at = ? WHERE id = ? AND status = 'processing'",
                statement -> {
                    setInstant(statement, 1, due.truncatedTo(ChronoUnit.MILLIS));
                    statement.setString(2, reason.code());
                    statement.setString(3, reason.message());
                    statement.setInt(4, attemptCounts ? 0 : 1);
                    setInstant(statement, 5, now());
                    statement.setString(6, id);
                });
    }

    /**
     * What held the events showing {@code holdCode} is over sooner than their due time said (a refused login was
     * accepted): they become due now and the worker is woken. Answers how many.
     */
    public int releaseHeld(String holdCode) {
        Instant now = now();
        int released = update("UPDATE events SET next_attempt_at = ?, updated_at = ? "
                + "WHERE status = 'pending' AND error_code = ? AND next_attempt_at > ?", statement -> {
                    setInstant(statement, 1, now);
                    setInstant(statement, 2, now);
                    statement.setString(3, holdCode);
                    setInstant(statement, 4, now);
                });
        if (released > 0) {
            announceNewWork();
        }
        return released;
    }

    /**
     * Ends a pending event's wait early, when what it waits for is ready sooner than the time it was held until
     * (such as the files it waits to download): it is due now, and the worker is woken. Answers false, changing
     * nothing, when the event is not pending, e.g. still processing the run that is about to hold it.
     */
    public boolean makeDue(String id) {
        int updated = update("UPDATE events SET next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'",
                statement -> {
                    Instant now = now();
                    setInstant(statement, 1, now);
                    setInstant(statement, 2, now);
                    statement.setString(3, id);
                });
        if (updated == 1) {
            announceNewWork();
        }
        return updated == 1;
    }

    private boolean finish(String id, String sql, Binder binder) {
        return update(sql, binder) == 1;
    }

    public Optional<StoredEvent> find(String id) {
        return queryOne("SELECT " + SUMMARY_COLUMNS + " FROM events WHERE id = ?", statement -> statement.setString(1, id),
                this::storedEvent);
    }

    /** The newest events first, of one status or of any when status is empty. */
    public List<StoredEvent> list(Optional<EventStatus> status, int limit) {
        if (status.isPresent()) {
            return queryList("SELECT " + SUMMARY_COLUMNS + " FROM events WHERE status = ? ORDER BY received_at DESC, id LIMIT ?",
                    statement -> {
                        statement.setString(1, status.get().label());
                        statement.setInt(2, limit);
                    }, this::storedEvent);
        }
        return queryList("SELECT " + SUMMARY_COLUMNS + " FROM events ORDER BY received_at DESC, id LIMIT ?",
                statement -> statement.setInt(1, limit), this::storedEvent);
    }

    /** Puts a failed or skipped event back to pending, due now, with its attempts and last outcome cleared. */
    public ReplayResult replay(String id) {
        int requeued = update("UPDATE events SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?, "
                + "claimed_by = NULL, error_code = NULL, error_message = NULL, produced_records = NULL, warnings = NULL "
                + "WHERE id = ? AND status IN ('failed', 'skipped')", statement -> {
            Instant now = now();
            setInstant(statement, 1, now);
            setInstant(statement, 2, now);
            statement.setString(3, id);
        });
        if (requeued == 1) {
            announceNewWork();
            return ReplayResult.REQUEUED;
        }
        return find(id).isPresent() ? ReplayResult.NOT_REPLAYABLE : ReplayResult.NOT_FOUND;
    }

    /**
     * Puts events that {@code node} was processing when it stopped back to pending. Called at start-up: a crash
     * leaves them half done, and the routes' find-or-create steps make a second run safe.
     */
    public int requeueInterrupted(String node) {
        int requeued = update("UPDATE events SET status = 'pending', next_attempt_at = ?, claimed_by = NULL, updated_at = ? "
                + "WHERE status = 'processing' AND claimed_by = ?", statement -> {
            Instant now = now();
            setInstant(statement, 1, now);
            setInstant(statement, 2, now);
            statement.setString(3, node);
        });
        if (requeued > 0) {
            announceNewWork();
        }
        return requeued;
    }

    public Map<EventStatus, Long> countsByStatus() {
        Map<EventStatus, Long> counts = new EnumMap<>(EventStatus.class);
        for (EventStatus status : EventStatus.values()) {
            counts.put(status, 0L);
        }
        queryList("SELECT status, COUNT(*) FROM events GROUP BY status", statement -> { },
                rows -> counts.put(EventStatus.fromColumn(rows.getString(1)), rows.getLong(2)));
        return counts;
    }

    /** Event counts per type and status, for metrics; combinations with no event are absent. */
    public Map<EventType, Map<EventStatus, Long>> countsByTypeAndStatus() {
        Map<EventType, Map<EventStatus, Long>> counts = new EnumMap<>(EventType.class);
        queryList("SELECT event_type, status, COUNT(*) FROM events GROUP BY event_type, status", statement -> { },
                rows -> counts.computeIfAbsent(eventType(rows.getString(1)), type -> new EnumMap<>(EventStatus.class))
                        .put(EventStatus.fromColumn(rows.getString(2)), rows.getLong(3)));
        return counts;
    }

    public long count() {
        return countsByStatus().values().stream().mapToLong(Long::longValue).sum();
    }

    public Optional<String> watermark(String name) {
        return queryOne("SELECT watermark_value FROM watermarks WHERE name = ?", statement -> statement.setString(1, name),
                rows -> rows.getString(1));
    }

    public void setWatermark(String name, String value) {
        Binder binder = statement -> {
            statement.setString(1, value);
            setInstant(statement, 2, now());
            statement.setString(3, name);
        };
        if (update("UPDATE watermarks SET watermark_value = ?, updated_at = ? WHERE name = ?", binder) == 0) {
            try {
                update("INSERT INTO watermarks (watermark_value, updated_at, name) VALUES (?, ?, ?)", binder);
            } catch (StoreException e) {
                if (!(e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
                    throw e;
                }
                update("UPDATE watermarks SET watermark_value = ?, updated_at = ? WHERE name = ?", binder);
            }
        }
    }

    @Override
    public void close() {
        groupCommit.close();
        dataSource.close();
    }

    private void announceNewWork() {
        newWorkListeners.forEach(Runnable::run);
    }

    private StoredEvent storedEvent(ResultSet rows) throws SQLException {
        String errorCode = rows.getString("error_code");
        EventError error = errorCode == null ? null : new EventError(errorCode, rows.getString("error_message"));
        return new StoredEvent(rows.getString("id"), eventType(rows.getString("event_type")), rows.getString("source"),
                EventStatus.fromColumn(rows.getString("status")), rows.getInt("attempts"), instant(rows, "received_at"),
                instant(rows, "updated_at"), instant(rows, "next_attempt_at"),
                fromJson(rows.getString("produced_records"), RECORDS), fromJson(rows.getString("warnings"), STRINGS), error);
    }

    private static EventType eventType(String path) {
        return EventType.fromPath(path).orElseThrow(() -> new StoreException("unknown event type in the store: " + path));
    }

    /** Microsecond precision is what PostgreSQL keeps; milliseconds keep both databases answering alike. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write JSON column: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> List<T> fromJson(String json, TypeReference<List<T>> type) throws SQLException {
        if (json == null) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("update events", e);
        }
    }

    private <T> Optional<T> queryOne(String sql, Binder binder, RowReader<T> reader) {
        List<T> rows = queryList(sql, binder, reader);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> queryList(String sql, Binder binder, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> results = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    results.add(reader.read(rows));
                }
            }
            return results;
        } catch (SQLException e) {
            throw failure("read events", e);
        }
    }

    private static StoreException failure(String action, SQLException e) {
        return new StoreException("the event store could not " + action + ": " + e.getMessage(), e);
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Turns the current row into a value. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }
}
