package io.switchboard.store;

import static io.switchboard.store.StoreSql.eventType;
import static io.switchboard.store.StoreSql.fromJson;
import static io.switchboard.store.StoreSql.instant;
import static io.switchboard.store.StoreSql.setInstant;

import com.fasterxml.jackson.core.type.TypeReference;
import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading events back: one by id, the newest of a status or of a filter, and the counts health and metrics show. */
final class EventQueries {
    private static final TypeReference<List<ProducedRecord>> RECORDS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String SUMMARY_COLUMNS = "id, event_type, source, status, attempts, received_at, updated_at, "
            + "next_attempt_at, error_code, error_message, produced_records, warnings";

    private final StoreSql sql;

    EventQueries(StoreSql sql) {
        this.sql = sql;
    }

    Optional<StoredEvent> find(String id) {
        return sql.queryOne("SELECT " + SUMMARY_COLUMNS + " FROM events WHERE id = ?", statement -> statement.setString(1, id),
                this::storedEvent);
    }

    /** The event's attempts as they ended, oldest first; empty for one never tried or unknown. */
    List<EventAttempt> attempts(String id) {
        return sql.queryList("SELECT attempt, node, ended_at, outcome, error_code, error_message FROM event_attempts "
                + "WHERE event_id = ? ORDER BY seq", statement -> statement.setString(1, id),
                rows -> new EventAttempt(rows.getInt(1), rows.getString(2), instant(rows, "ended_at"), rows.getString(4),
                        rows.getString(5) == null ? null : new EventError(rows.getString(5), rows.getString(6))));
    }

    /** The newest events first, of one status or of any when status is empty. */
    List<StoredEvent> list(Optional<EventStatus> status, int limit) {
        if (status.isPresent()) {
            return sql.queryList("SELECT " + SUMMARY_COLUMNS + " FROM events WHERE status = ? ORDER BY received_at DESC, id LIMIT ?",
                    statement -> {
                        statement.setString(1, status.get().label());
                        statement.setInt(2, limit);
                    }, this::storedEvent);
        }
        return sql.queryList("SELECT " + SUMMARY_COLUMNS + " FROM events ORDER BY received_at DESC, id LIMIT ?",
                statement -> statement.setInt(1, limit), this::storedEvent);
    }

    /**
     * A page of the events the filter matches, newest first, starting after {@code after}. One row more than the page
     * is read to know whether another page follows; the rows are read along the index on the time received, so a
     * page costs the same on the first page and the thousandth.
     */
    EventPage page(EventFilter filter, Optional<EventCursor> after, int limit) {
        Where where = where(filter);
        after.ifPresent(cursor -> {
            // as two conditions the index range on received_at is used; an OR of both would read every row
            where.add("received_at <= ?", statement -> setInstant(statement, where.next(), cursor.receivedAt()));
            where.add("NOT (received_at = ? AND id >= ?)", statement -> {
                setInstant(statement, where.next(), cursor.receivedAt());
                statement.setString(where.next(), cursor.id());
            });
        });
        List<StoredEvent> rows = sql.queryList("SELECT " + SUMMARY_COLUMNS + " FROM events" + where.sql()
                + " ORDER BY received_at DESC, id DESC LIMIT ?", statement -> {
                    where.bind(statement);
                    statement.setInt(where.next(), limit + 1);
                }, this::storedEvent);
        if (rows.size() <= limit) {
            return new EventPage(rows, Optional.empty());
        }
        StoredEvent last = rows.get(limit - 1);
        return new EventPage(rows.subList(0, limit), Optional.of(new EventCursor(last.receivedAt(), last.id())));
    }

    /** How many events the filter matches; for the failed ones an operator is about to replay. */
    long count(EventFilter filter) {
        Where where = where(filter);
        return sql.queryOne("SELECT COUNT(*) FROM events" + where.sql(), where::bind, rows -> rows.getLong(1)).orElse(0L);
    }

    /** The ids of the events the filter matches, newest first, after the id given (or from the first). */
    List<EventCursor> cursors(EventFilter filter, Optional<EventCursor> after, int limit) {
        return page(filter, after, limit).events().stream().map(event -> new EventCursor(event.receivedAt(), event.id()))
                .toList();
    }

    /** The event as it was received. */
    Optional<String> payload(String id) {
        return sql.queryOne("SELECT payload FROM event_payloads WHERE event_id = ?", statement -> statement.setString(1, id),
                rows -> rows.getString(1));
    }

    private static Where where(EventFilter filter) {
        Where where = new Where();
        filter.type().ifPresent(type -> where.add("event_type = ?", statement -> statement.setString(where.next(), type.path())));
        filter.status().ifPresent(status -> where.add("status = ?", statement -> statement.setString(where.next(), status.label())));
        filter.source().ifPresent(source -> where.add("source = ?", statement -> statement.setString(where.next(), source)));
        filter.receivedFrom().ifPresent(from -> where.add("received_at >= ?", statement -> setInstant(statement, where.next(), from)));
        filter.receivedBefore().ifPresent(before -> where.add("received_at < ?",
                statement -> setInstant(statement, where.next(), before)));
        filter.id().ifPresent(id -> {
            // each part of the union is one index look-up
            where.add("id IN (SELECT id FROM events WHERE id = ? UNION SELECT id FROM events WHERE subject_id = ? "
                    + "UNION SELECT event_id FROM event_records WHERE record_id = ?)", statement -> {
                        statement.setString(where.next(), id);
                        statement.setString(where.next(), id);
                        statement.setString(where.next(), id);
                    });
        });
        return where;
    }

    /** The conditions of a filter and their parameters, numbered in the order they are bound. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<StoreSql.Binder> binders = new ArrayList<>();
        private int index;

        void add(String condition, StoreSql.Binder binder) {
            conditions.add(condition);
            binders.add(binder);
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        int next() {
            return ++index;
        }

        void bind(PreparedStatement statement) throws SQLException {
            index = 0;
            for (StoreSql.Binder binder : binders) {
                binder.bind(statement);
            }
        }
    }

    Map<EventStatus, Long> countsByStatus() {
        Map<EventStatus, Long> counts = new EnumMap<>(EventStatus.class);
        for (EventStatus status : EventStatus.values()) {
            counts.put(status, 0L);
        }
        sql.queryList("SELECT status, COUNT(*) FROM events GROUP BY status", statement -> { },
                rows -> counts.put(EventStatus.fromColumn(rows.getString(1)), rows.getLong(2)));
        return counts;
    }

    /** Event counts per type and status, for metrics; combinations with no event are absent. */
    Map<EventType, Map<EventStatus, Long>> countsByTypeAndStatus() {
        Map<EventType, Map<EventStatus, Long>> counts = new EnumMap<>(EventType.class);
        sql.queryList("SELECT event_type, status, COUNT(*) FROM events GROUP BY event_type, status", statement -> { },
                rows -> counts.computeIfAbsent(eventType(rows.getString(1)), type -> new EnumMap<>(EventStatus.class))
                        .put(EventStatus.fromColumn(rows.getString(2)), rows.getLong(3)));
        return counts;
    }

    boolean hasUnfinished() {
        // one status at a time, so that each is a lookup of the first entry under it in events_due
        return sql.queryOne("SELECT 1 FROM events WHERE status = 'pending' LIMIT 1", statement -> { }, rows -> true)
                .or(() -> sql.queryOne("SELECT 1 FROM events WHERE status = 'processing' LIMIT 1", statement -> { },
                        rows -> true))
                .isPresent();
    }

    long count() {
        return countsByStatus().values().stream().mapToLong(Long::longValue).sum();
    }

    Optional<Instant> oldestPending() {
        // the first entry under 'pending' in events_newest (status, received_at): one lookup, however long the backlog.
        // status leads the ORDER BY, as in the claim, or H2 sorts every pending event instead of reading the index
        return sql.queryOne("SELECT received_at FROM events WHERE status = 'pending' ORDER BY status, received_at LIMIT 1",
                statement -> { }, rows -> instant(rows, "received_at"));
    }

    private StoredEvent storedEvent(ResultSet rows) throws SQLException {
        String errorCode = rows.getString("error_code");
        EventError error = errorCode == null ? null : new EventError(errorCode, rows.getString("error_message"));
        return new StoredEvent(rows.getString("id"), eventType(rows.getString("event_type")), rows.getString("source"),
                EventStatus.fromColumn(rows.getString("status")), rows.getInt("attempts"), instant(rows, "received_at"),
                instant(rows, "updated_at"), instant(rows, "next_attempt_at"),
                fromJson(rows.getString("produced_records"), RECORDS), fromJson(rows.getString("warnings"), STRINGS), error);
    }
}
