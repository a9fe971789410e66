package io.switchboard.store;

import static io.switchboard.store.StoreSql.now;
import static io.switchboard.store.StoreSql.setInstant;

import java.sql.SQLException;
import java.util.Optional;

/** Where each scheduled poll got to, by name: read before a poll, moved once the whole poll has succeeded. */
final class Watermarks {
    private final StoreSql sql;

    Watermarks(StoreSql sql) {
        this.sql = sql;
    }

    Optional<String> watermark(String name) {
        return sql.queryOne("SELECT watermark_value FROM watermarks WHERE name = ?", statement -> statement.setString(1, name),
                rows -> rows.getString(1));
    }

    /** An update, or the first insert; of two nodes inserting at once, the second updates what the first wrote. */
    void setWatermark(String name, String value) {
        StoreSql.Binder binder = statement -> {
            statement.setString(1, value);
            setInstant(statement, 2, now());
            statement.setString(3, name);
        };
        if (sql.update("UPDATE watermarks SET watermark_value = ?, updated_at = ? WHERE name = ?", binder) == 0) {
            try {
                sql.update("INSERT INTO watermarks (watermark_value, updated_at, name) VALUES (?, ?, ?)", binder);
            } catch (StoreException e) {
                if (!(e.getCause() instanceof SQLException refused
                        && StoreSql.UNIQUE_VIOLATION.equals(refused.getSQLState()))) {
                    throw e;
                }
                sql.update("UPDATE watermarks SET watermark_value = ?, updated_at = ? WHERE name = ?", binder);
            }
        }
    }
}

