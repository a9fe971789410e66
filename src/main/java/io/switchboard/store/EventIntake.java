package io.switchboard.store;

import static io.switchboard.store.StoreSql.failure;
import static io.switchboard.store.StoreSql.now;
import static io.switchboard.store.StoreSql.setInstant;
import static io.switchboard.store.StoreSql.toJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepting events: each is inserted under its type's idempotency key, in batches shared by concurrent callers
 * ({@link GroupCommit}), and committed before its caller may answer 202.
 */
final class EventIntake implements AutoCloseable {
    private static final String INSERT_EVENT = "INSERT INTO events (id, event_type, source, idempotency_key, key_origin, "
            + "body_digest, warnings, status, attempts, received_at, updated_at, next_attempt_at, subject_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)";
    /** The payload beside its event, in the same transaction (see V9__event_payloads.sql for why apart). */
    private static final String INSERT_PAYLOAD = "INSERT INTO event_payloads (event_id, payload) VALUES (?, ?)";

    private final StoreSql sql;
    private final NewWork newWork;
    private final GroupCommit<NewEvent, Acceptance> groupCommit;

    EventIntake(StoreSql sql, NewWork newWork) {
        this.sql = sql;
        this.newWork = newWork;
        this.groupCommit = new GroupCommit<>("switchboard-store-committer", this::storeAll);
    }

    Acceptance accept(NewEvent event) {
        return groupCommit.submit(event);
    }

    List<Acceptance> acceptAll(List<NewEvent> events) {
        return groupCommit.submitAll(events);
    }

    /** Inserts a batch in one transaction; when any row is refused (a repeated key), each is inserted on its own. */
    private void storeAll(List<GroupCommit.Waiting<NewEvent, Acceptance>> batch) {
        Instant now = now();
        List<String> ids = new ArrayList<>();
        try (Connection connection = sql.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT);
                 PreparedStatement payload = connection.prepareStatement(INSERT_PAYLOAD)) {
                for (GroupCommit.Waiting<NewEvent, Acceptance> waiting : batch) {
                    String id = EventIds.next();
                    bindInsert(insert, id, waiting.item(), now);
                    insert.addBatch();
                    bindPayload(payload, id, waiting.item());
                    payload.addBatch();
                    ids.add(id);
                }
                insert.executeBatch();
                payload.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                insertOneByOne(batch);
                return;
            }
        } catch (SQLException e) {
            throw failure("store the events", e);
        }
        // announced before the callers hear of it: once a caller has its answer, nothing about its event is left to happen
        newWork.announce();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(Acceptance.accepted(ids.get(i)));
        }
    }

    private void insertOneByOne(List<GroupCommit.Waiting<NewEvent, Acceptance>> batch) {
        List<Inserted> inserted = new ArrayList<>();
        for (GroupCommit.Waiting<NewEvent, Acceptance> waiting : batch) {
            try {
                inserted.add(new Inserted(waiting, insertAlone(waiting.item()), null));
            } catch (RuntimeException e) {
                inserted.add(new Inserted(waiting, null, e));
            }
        }
        if (inserted.stream().anyMatch(Inserted::isNew)) {
            newWork.announce();
        }
        inserted.forEach(Inserted::answer);
    }

    /** One event of a batch inserted on its own: its acceptance, or why it could not be stored. */
    private record Inserted(GroupCommit.Waiting<NewEvent, Acceptance> waiting, Acceptance acceptance,
                            RuntimeException failure) {
        boolean isNew() {
            return acceptance != null && acceptance.outcome() == Acceptance.Outcome.ACCEPTED;
        }

        void answer() {
            if (failure == null) {
                waiting.answer().complete(acceptance);
            } else {
                waiting.answer().completeExceptionally(failure);
            }
        }
    }

    private Acceptance insertAlone(NewEvent event) {
        String id = EventIds.next();
        try (Connection connection = sql.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT);
                 PreparedStatement payload = connection.prepareStatement(INSERT_PAYLOAD)) {
                bindInsert(insert, id, event, now());
                insert.executeUpdate();
                bindPayload(payload, id, event);
                payload.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                if (StoreSql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return repeatOf(event);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("store the event", e);
        }
        return Acceptance.accepted(id);
    }

    private static void bindPayload(PreparedStatement insert, String id, NewEvent event) throws SQLException {
        insert.setString(1, id);
        insert.setString(2, event.payload());
    }

    private static void bindInsert(PreparedStatement insert, String id, NewEvent event, Instant now) throws SQLException {
        insert.setString(1, id);
        insert.setString(2, event.type().path());
        insert.setString(3, event.source());
        insert.setString(4, event.key().value());
        insert.setString(5, event.key().origin().column());
        insert.setString(6, event.bodyDigest());
        insert.setString(7, event.warnings().isEmpty() ? null : toJson(event.warnings()));
        setInstant(insert, 8, now);
        setInstant(insert, 9, now);
        setInstant(insert, 10, now);
        insert.setString(11, event.subjectId());
    }

    /**
     * The event already stored under this event's key: a duplicate when the bodies agree, a reused key when they
     * differ. Events stored before bodies were digested have none and count as duplicates.
     */
    private Acceptance repeatOf(NewEvent event) {
        return sql.queryOne("SELECT id, body_digest FROM events WHERE event_type = ? AND key_origin = ? AND idempotency_key = ?",
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


    @Override
    public void close() {
        groupCommit.close();
    }
}
