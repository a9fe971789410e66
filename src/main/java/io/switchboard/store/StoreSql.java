package io.switchboard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.events.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The JDBC every part of the store shares: one statement per call on a pooled connection, times in UTC at
 * millisecond precision, JSON columns, and failures turned into {@link StoreException}s that say what failed.
 */
final class StoreSql {
    static final String UNIQUE_VIOLATION = "23505";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    StoreSql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Microsecond precision is what PostgreSQL keeps; milliseconds keep both databases answering alike. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write JSON column: " + e.getOriginalMessage(), e);
        }
    }

    static <T> List<T> fromJson(String json, TypeReference<List<T>> type) throws SQLException {
        if (json == null) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }

    int update(String sql, Binder binder) {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("update events", e);
        }
    }

    <T> Optional<T> queryOne(String sql, Binder binder, RowReader<T> reader) {
        List<T> rows = queryList(sql, binder, reader);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    <T> List<T> queryList(String sql, Binder binder, RowReader<T> reader) {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
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

    static StoreException failure(String action, SQLException e) {
        return new StoreException("the event store could not " + action + ": " + e.getMessage(), e);
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Turns the current row into a value. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    static void bindAll(PreparedStatement statement, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(first + i, values.get(i));
        }
    }

    static EventType eventType(String path) {
        return EventType.fromPath(path).orElseThrow(() -> new StoreException("unknown event type in the store: " + path));
    }
}
