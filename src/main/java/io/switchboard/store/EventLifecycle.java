package io.switchboard.store;

import static io.switchboard.store.StoreSql.bindAll;
import static io.switchboard.store.StoreSql.eventType;
import static io.switchboard.store.StoreSql.failure;
import static io.switchboard.store.StoreSql.instant;
import static io.switchboard.store.StoreSql.now;
import static io.switchboard.store.StoreSql.setInstant;
import static io.switchboard.store.StoreSql.toJson;

import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An event's way through processing: claimed by one node for a lease it renews while it works, then done, failed,
 * skipped, retried later or held, and put back to pending by a replay or after a crash, or taken over by another
 * node once its lease ran out. Every change is a conditional update on the status (and claim) it expects, so two
 * nodes sharing the database never both change one event.
 */
final class EventLifecycle implements AutoCloseable {
    private static final String SKIPPED_CODE = "skipped";

    private final StoreSql sql;
    private final NewWork newWork;
    private final EventQueries queries;
    private final GroupCommit<Outcome, Boolean> outcomes;

    EventLifecycle(StoreSql sql, NewWork newWork, EventQueries queries) {
        this.sql = sql;
        this.newWork = newWork;
        this.queries = queries;
        this.outcomes = new GroupCommit<>("switchboard-outcome-committer", this::recordAll);
    }

    /**
     * Claims up to {@code max} events for {@code node} until {@code lease} from now: first those whose lease ran out
     * while processing (their node stopped renewing it: it died, or lost the store), then pending events that are
     * due, oldest due first. Each claim counts an attempt, so a taken-over event runs as a retry and its route looks
     * for what the earlier attempt wrote. The claim is one conditional update of them all, so two engines never claim
     * the same event; what this node won is read back by the claim's token, new for every claim.
     */
    List<ClaimedEvent> claimDue(int max, String node, Duration lease, Optional<EventType> only) {
        Instant now = now();
        // events written in batches are claimed by type, a batch at a time, never one by one with the others
        String ofType = only.isPresent() ? " AND event_type = ?" : NOT_BATCHED;
        List<String> candidates = new ArrayList<>(sql.queryList(
                "SELECT id FROM events WHERE status = 'processing' AND lease_until < ?" + ofType
                        + " ORDER BY status, lease_until LIMIT ?",
                statement -> {
                    setInstant(statement, 1, now);
                    int next = bindType(statement, 2, only);
                    statement.setInt(next, max);
                }, rows -> rows.getString(1)));
        if (candidates.size() < max) {
            candidates.addAll(sql.queryList(
                    // status leads the ORDER BY so that the events_due index gives the order and the scan stops at the
                    // limit; otherwise every claim sorts the whole backlog of pending events
                    "SELECT id FROM events WHERE status = 'pending' AND next_attempt_at <= ?" + ofType
                            + " ORDER BY status, next_attempt_at, received_at LIMIT ?",
                    statement -> {
                        setInstant(statement, 1, now);
                        int next = bindType(statement, 2, only);
                        statement.setInt(next, max - candidates.size());
                    }, rows -> rows.getString(1)));
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        String ids = String.join(", ", Collections.nCopies(candidates.size(), "?"));
        int won = sql.update("UPDATE events SET status = 'processing', attempts = attempts + 1, claimed_by = ?, "
                + "claim_token = ?, lease_until = ?, updated_at = ? "
                + "WHERE (status = 'pending' OR (status = 'processing' AND lease_until < ?)) AND id IN (" + ids + ")",
                statement -> {
                    statement.setString(1, node);
                    statement.setString(2, token);
                    setInstant(statement, 3, now.plus(lease));
                    setInstant(statement, 4, now);
                    setInstant(statement, 5, now);
                    bindAll(statement, 6, candidates);
                });
        if (won == 0) {
            return List.of();
        }
        Map<String, ClaimedEvent> claimed = new HashMap<>();
        sql.queryList("SELECT e.id, e.event_type, p.payload, e.attempts, e.received_at FROM events e "
                + "JOIN event_payloads p ON p.event_id = e.id "
                + "WHERE e.status = 'processing' AND e.claim_token = ? AND e.id IN (" + ids + ")", statement -> {
            statement.setString(1, token);
            bindAll(statement, 2, candidates);
        }, rows -> claimed.put(rows.getString(1), new ClaimedEvent(rows.getString(1), token, eventType(rows.getString(2)),
                rows.getString(3), rows.getInt(4), instant(rows, "received_at"))));
        return candidates.stream().map(claimed::get).filter(Objects::nonNull).toList();
    }

    private static final String NOT_BATCHED = Arrays.stream(EventType.values()).filter(EventType::batched)
            .map(type -> "'" + type.path() + "'").reduce((a, b) -> a + ", " + b)
            .map(types -> " AND event_type NOT IN (" + types + ")").orElse("");

    /**
     * Whether a batch of the type is worth claiming now: {@code batchSize} of them are due, or the one due longest
     * has waited {@code linger} for others to join it.
     */
    boolean batchReady(EventType type, int batchSize, Duration linger) {
        Instant now = now();
        return sql.queryOne("SELECT COUNT(*) AS due, MIN(CASE WHEN status = 'pending' THEN next_attempt_at ELSE lease_until END) AS oldest "
                + "FROM events WHERE event_type = ? AND ((status = 'pending' AND next_attempt_at <= ?) "
                + "OR (status = 'processing' AND lease_until < ?))", statement -> {
                    statement.setString(1, type.path());
                    setInstant(statement, 2, now);
                    setInstant(statement, 3, now);
                }, rows -> rows.getLong("due") >= batchSize
                        || (rows.getLong("due") > 0 && !instant(rows, "oldest").isAfter(now.minus(linger)))).orElse(false);
    }

    /** Binds the type filter's value, if any, at {@code index}; answers the index of the next parameter. */
    private static int bindType(PreparedStatement statement, int index, Optional<EventType> only) throws SQLException {
        if (only.isPresent()) {
            statement.setString(index, only.get().path());
            return index + 1;
        }
        return index;
    }

    /**
     * Extends the leases of these claims to {@code until}; answers the ids of those another node has taken over since,
     * after their lease ran out. A claim that finished meanwhile is not among them: its event keeps this claim's token,
     * whereas a take-over gives the event a new one.
     */
    Set<String> renewLeases(Collection<ClaimedEvent> claims, Instant until) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        List<String> tokens = claims.stream().map(ClaimedEvent::token).toList();
        List<String> ids = claims.stream().map(ClaimedEvent::id).toList();
        sql.update("UPDATE events SET lease_until = ? WHERE status = 'processing' AND claim_token IN ("
                + marks(tokens.size()) + ")", statement -> {
                    setInstant(statement, 1, until.truncatedTo(ChronoUnit.MILLIS));
                    bindAll(statement, 2, tokens);
                });
        Map<String, String> current = new HashMap<>();
        sql.queryList("SELECT id, claim_token FROM events WHERE id IN (" + marks(ids.size()) + ")",
                statement -> bindAll(statement, 1, ids), rows -> new String[] {rows.getString(1), rows.getString(2)})
                .forEach(row -> current.put(row[0], row[1]));
        Set<String> takenOver = new HashSet<>();
        claims.stream().filter(claim -> !claim.token().equals(current.get(claim.id())))
                .forEach(claim -> takenOver.add(claim.id()));
        return takenOver;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /**
     * Whether the claim is still this node's, asked before each Salesforce write so that no write goes out after
     * another node took the event over. The claim's lease is extended to {@code until} only when less than half of
     * what it asks for is left: a take-over needs the lease to have run out, so a write with half a lease ahead of it
     * is as safe, and most writes then cost the store a read instead of a committed write (each commit of the
     * embedded store writes its changed pages to the file).
     */
    boolean holdClaim(ClaimedEvent claim, Instant until) {
        Instant now = now();
        Optional<Instant> lease = sql.queryOne("SELECT lease_until FROM events WHERE id = ? AND claim_token = ? "
                + "AND status = 'processing'", statement -> {
                    statement.setString(1, claim.id());
                    statement.setString(2, claim.token());
                }, rows -> instant(rows, "lease_until"));
        if (lease.isEmpty()) {
            return false;
        }
        Instant halfWay = now.plus(Duration.between(now, until).dividedBy(2));
        if (!lease.get().isBefore(halfWay)) {
            return true;
        }
        return sql.update("UPDATE events SET lease_until = ? WHERE id = ? AND claim_token = ? AND status = 'processing'",
                statement -> {
                    setInstant(statement, 1, until.truncatedTo(ChronoUnit.MILLIS));
                    statement.setString(2, claim.id());
                    statement.setString(3, claim.token());
                }) == 1;
    }

    /** The route wrote what it had to: keeps the records it produced and its warnings. */
    boolean markDone(ClaimedEvent claim, List<ProducedRecord> records, List<String> warnings) {
        return finish(claim, new AttemptEnd("done", null), records, "status = 'done', produced_records = ?, warnings = ?, "
                + "error_code = NULL, error_message = NULL, updated_at = ?", statement -> {
            statement.setString(1, toJson(records));
            statement.setString(2, toJson(warnings));
            setInstant(statement, 3, now());
        });
    }

    /** The event cannot be processed as it is; it stays failed until an operator replays it. */
    boolean markFailed(ClaimedEvent claim, EventError error, List<ProducedRecord> records, List<String> warnings) {
        return finish(claim, new AttemptEnd("failed", error), records, "status = 'failed', error_code = ?, error_message = ?, produced_records = ?, "
                + "warnings = ?, updated_at = ?", statement -> {
            statement.setString(1, error.code());
            statement.setString(2, error.message());
            statement.setString(3, toJson(records));
            statement.setString(4, toJson(warnings));
            setInstant(statement, 5, now());
        });
    }

    /** The event needs no Salesforce write; the reason shows as its error with code {@code skipped}. */
    boolean markSkipped(ClaimedEvent claim, String reason, List<String> warnings) {
        return finish(claim, new AttemptEnd("skipped", new EventError(SKIPPED_CODE, reason)), null,
                "status = 'skipped', error_code = ?, error_message = ?, warnings = ?, updated_at = ?",
                statement -> {
            statement.setString(1, SKIPPED_CODE);
            statement.setString(2, reason);
            statement.setString(3, toJson(warnings));
            setInstant(statement, 4, now());
        });
    }

    /** A transient failure: the event goes back to pending, due at {@code nextAttempt}, keeping the error seen. */
    boolean retryLater(ClaimedEvent claim, Instant nextAttempt, EventError error) {
        return finish(claim, new AttemptEnd("retried", error), null, "status = 'pending', next_attempt_at = ?, "
                + "error_code = ?, error_message = ?, claimed_by = NULL, updated_at = ?", statement -> {
            setInstant(statement, 1, nextAttempt.truncatedTo(ChronoUnit.MILLIS));
            statement.setString(2, error.code());
            statement.setString(3, error.message());
            setInstant(statement, 4, now());
        });
    }

    /**
     * Not a failure: the event's connection is paused, so it goes back to pending, due at {@code due}, showing why.
     * Unless {@code attemptCounts}, the attempt its claim counted is taken back: a run held before its first call
     * wrote nothing.
     */
    boolean holdUntil(ClaimedEvent claim, Instant due, EventError reason, boolean attemptCounts) {
        // a hold that takes its attempt back leaves no attempt in the history either: it wrote nothing
        return finish(claim, attemptCounts ? new AttemptEnd("held", reason) : null, null, "status = 'pending', "
                + "next_attempt_at = ?, error_code = ?, error_message = ?, attempts = attempts - ?, claimed_by = NULL, "
                + "updated_at = ?",
                statement -> {
                    setInstant(statement, 1, due.truncatedTo(ChronoUnit.MILLIS));
                    statement.setString(2, reason.code());
                    statement.setString(3, reason.message());
                    statement.setInt(4, attemptCounts ? 0 : 1);
                    setInstant(statement, 5, now());
                });
    }

    /**
     * What held the events showing {@code holdCode} is over sooner than their due time said (a refused login was
     * accepted): they become due now and the worker is woken. Answers how many.
     */
    int releaseHeld(String holdCode) {
        Instant now = now();
        int released = sql.update("UPDATE events SET next_attempt_at = ?, updated_at = ? "
                + "WHERE status = 'pending' AND error_code = ? AND next_attempt_at > ?", statement -> {
                    setInstant(statement, 1, now);
                    setInstant(statement, 2, now);
                    statement.setString(3, holdCode);
                    setInstant(statement, 4, now);
                });
        if (released > 0) {
            newWork.announce();
        }
        return released;
    }

    /**
     * Ends a pending event's wait early, when what it waits for is ready sooner than the time it was held until
     * (such as the files it waits to download): it is due now, and the worker is woken. Answers false, changing
     * nothing, when the event is not pending, e.g. still processing the run that is about to hold it.
     */
    boolean makeDue(String id) {
        int updated = sql.update("UPDATE events SET next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'",
                statement -> {
                    Instant now = now();
                    setInstant(statement, 1, now);
                    setInstant(statement, 2, now);
                    statement.setString(3, id);
                });
        if (updated == 1) {
            newWork.announce();
        }
        return updated == 1;
    }

    /** How one attempt ended, as the event's history keeps it; the error is null for one that succeeded. */
    private record AttemptEnd(String outcome, EventError error) {
    }

    /**
     * Changes a claimed event as {@code changes} (a SET clause whose parameters the binder sets) say, only while
     * this claim holds it: a node whose lease was taken over changes nothing. In the same transaction it adds the
     * attempt to the event's history ({@code event_attempts}, unless {@code end} is null) and, when {@code records}
     * are given, keeps the ids of the records the event produced in {@code event_records}, where they are found by
     * record id (those of an earlier attempt replaced). Answers whether it changed the event.
     */
    /**
     * Records an attempt's outcome: its attempt kept, the row changed, its records kept, all only while the claim
     * still holds the event. Outcomes that end at once are committed together ({@link GroupCommit}): one commit costs
     * the embedded store a write of its file, which each event's outcome took on its own before.
     */
    private boolean finish(ClaimedEvent claim, AttemptEnd end, List<ProducedRecord> records, String changes,
            StoreSql.Binder binder) {
        return outcomes.submit(new Outcome(claim, end, records, changes, binder));
    }

    /** One outcome waiting for its commit. */
    private record Outcome(ClaimedEvent claim, AttemptEnd end, List<ProducedRecord> records, String changes,
                           StoreSql.Binder binder) {
    }

    /** The batch in one transaction; should it fail, each outcome on its own, so that one cannot fail the others. */
    private void recordAll(List<GroupCommit.Waiting<Outcome, Boolean>> batch) {
        List<Boolean> held = new ArrayList<>();
        try (Connection connection = sql.connection()) {
            connection.setAutoCommit(false);
            try {
                for (GroupCommit.Waiting<Outcome, Boolean> waiting : batch) {
                    held.add(record(connection, waiting.item()));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                recordOneByOne(batch);
                return;
            }
        } catch (SQLException e) {
            throw failure("update events", e);
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(held.get(i));
        }
    }

    private void recordOneByOne(List<GroupCommit.Waiting<Outcome, Boolean>> batch) {
        for (GroupCommit.Waiting<Outcome, Boolean> waiting : batch) {
            try (Connection connection = sql.connection()) {
                connection.setAutoCommit(false);
                try {
                    boolean held = record(connection, waiting.item());
                    connection.commit();
                    waiting.answer().complete(held);
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                waiting.answer().completeExceptionally(failure("update events", e));
            } catch (RuntimeException e) {
                waiting.answer().completeExceptionally(e);
            }
        }
    }

    /** One outcome in the open transaction; none of it stays when the claim no longer holds the event. */
    private static boolean record(Connection connection, Outcome outcome) throws SQLException {
        Savepoint before = connection.setSavepoint();
        if (outcome.end() != null) {
            // before the change, while the row still names the node and the attempt's number
            keepAttempt(connection, outcome.claim(), outcome.end());
        }
        int updated;
        try (PreparedStatement update = connection.prepareStatement(claimedUpdate(outcome.changes()))) {
            bindClaimed(update, outcome.changes(), outcome.claim(), outcome.binder());
            updated = update.executeUpdate();
        }
        if (updated != 1) {
            connection.rollback(before);
            return false;
        }
        if (outcome.records() != null) {
            keepRecordIds(connection, outcome.claim().id(), outcome.records());
        }
        connection.releaseSavepoint(before);
        return true;
    }

    /** Records what is already waiting, then stops. */
    @Override
    public void close() {
        outcomes.close();
    }

    private static void keepAttempt(Connection connection, ClaimedEvent claim, AttemptEnd end) throws SQLException {
        try (PreparedStatement keep = connection.prepareStatement("INSERT INTO event_attempts "
                + "(event_id, attempt, node, ended_at, outcome, error_code, error_message) "
                + "SELECT id, attempts, claimed_by, ?, ?, ?, ? FROM events "
                + "WHERE id = ? AND claim_token = ? AND status = 'processing'")) {
            setInstant(keep, 1, now());
            keep.setString(2, end.outcome());
            keep.setString(3, end.error() == null ? null : end.error().code());
            keep.setString(4, end.error() == null ? null : end.error().message());
            keep.setString(5, claim.id());
            keep.setString(6, claim.token());
            keep.executeUpdate();
        }
    }

    private static void keepRecordIds(Connection connection, String id, List<ProducedRecord> records) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement("DELETE FROM event_records WHERE event_id = ?")) {
            forget.setString(1, id);
            forget.executeUpdate();
        }
        Set<String> recordIds = new LinkedHashSet<>();
        records.stream().map(ProducedRecord::id).filter(recordId -> recordId != null && recordId.length() <= 64)
                .forEach(recordIds::add);
        if (recordIds.isEmpty()) {
            return;
        }
        try (PreparedStatement keep = connection.prepareStatement(
                "INSERT INTO event_records (record_id, event_id) VALUES (?, ?)")) {
            for (String recordId : recordIds) {
                keep.setString(1, recordId);
                keep.setString(2, id);
                keep.addBatch();
            }
            keep.executeBatch();
        }
    }

    private static String claimedUpdate(String changes) {
        return "UPDATE events SET " + changes + " WHERE id = ? AND claim_token = ? AND status = 'processing'";
    }

    /** Binds the SET clause's parameters, then the claim's event id and token that the WHERE clause asks for. */
    private static void bindClaimed(PreparedStatement statement, String changes, ClaimedEvent claim,
            StoreSql.Binder binder) throws SQLException {
        int changeParameters = (int) changes.chars().filter(c -> c == '?').count();
        binder.bind(statement);
        statement.setString(changeParameters + 1, claim.id());
        statement.setString(changeParameters + 2, claim.token());
    }

    /** Puts a failed or skipped event back to pending, due now, with its attempts and last outcome cleared. */
    ReplayResult replay(String id) {
        int requeued = sql.update("UPDATE events SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?, "
                + "claimed_by = NULL, error_code = NULL, error_message = NULL, produced_records = NULL, warnings = NULL "
                + "WHERE id = ? AND status IN ('failed', 'skipped')", statement -> {
            Instant now = now();
            setInstant(statement, 1, now);
            setInstant(statement, 2, now);
            statement.setString(3, id);
        });
        if (requeued == 1) {
            newWork.announce();
            return ReplayResult.REQUEUED;
        }
        return queries.find(id).isPresent() ? ReplayResult.NOT_REPLAYABLE : ReplayResult.NOT_FOUND;
    }

    /**
     * Puts events that {@code node} was processing when it stopped back to pending. Called at start-up: a crash
     * leaves them half done, and the routes' find-or-create steps make a second run safe.
     */
    int requeueInterrupted(String node) {
        int requeued = sql.update("UPDATE events SET status = 'pending', next_attempt_at = ?, claimed_by = NULL, updated_at = ? "
                + "WHERE status = 'processing' AND claimed_by = ?", statement -> {
            Instant now = now();
            setInstant(statement, 1, now);
            setInstant(statement, 2, now);
            statement.setString(3, node);
        });
        if (requeued > 0) {
            newWork.announce();
        }
        return requeued;
    }
}
