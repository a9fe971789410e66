package io.switchboard.store;

import static io.switchboard.store.StoreSql.eventType;
import static io.switchboard.store.StoreSql.fromJson;
import static io.switchboard.store.StoreSql.instant;

import com.fasterxml.jackson.core.type.TypeReference;
import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading events back: one by id, the newest of a status, and the counts health and metrics show. */
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

    long count() {
        return countsByStatus().values().stream().mapToLong(Long::longValue).sum();
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
