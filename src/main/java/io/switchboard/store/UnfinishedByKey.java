package io.switchboard.store;

import io.switchboard.events.EventType;
import java.util.List;

/** The derived keys of a type's events still pending or processing whose key starts with a prefix. */
final class UnfinishedByKey {
    private final StoreSql sql;

    UnfinishedByKey(StoreSql sql) {
        this.sql = sql;
    }

    /** @param keyPrefix the key's start; it must hold no LIKE wildcard ({@code %}, {@code _}) */
    List<String> keys(EventType type, String keyPrefix, String exceptEventId) {
        if (keyPrefix.contains("%") || keyPrefix.contains("_")) {
            throw new IllegalArgumentException("a key prefix with a LIKE wildcard would match other keys: " + keyPrefix);
        }
        return sql.queryList("SELECT idempotency_key FROM events WHERE event_type = ? AND key_origin = 'derived'"
                + " AND status IN ('pending', 'processing') AND idempotency_key LIKE ? AND id <> ?", statement -> {
                    statement.setString(1, type.path());
                    statement.setString(2, keyPrefix + "%");
                    statement.setString(3, exceptEventId);
                }, rows -> rows.getString(1));
    }
}
