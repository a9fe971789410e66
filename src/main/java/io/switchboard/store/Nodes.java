package io.switchboard.store;

import static io.switchboard.store.StoreSql.instant;
import static io.switchboard.store.StoreSql.setInstant;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The nodes sharing the store and when each was last alive, written by each node's heartbeat. */
final class Nodes {
    private final StoreSql sql;

    Nodes(StoreSql sql) {
        this.sql = sql;
    }

    /** An update, or the node's first insert; of two inserts at once (one node id used twice) the second updates. */
    void seen(String node, Instant at) {
        StoreSql.Binder binder = statement -> {
            setInstant(statement, 1, at);
            statement.setString(2, node);
        };
        if (sql.update("UPDATE nodes SET last_seen = ? WHERE id = ?", binder) == 0) {
            try {
                sql.update("INSERT INTO nodes (last_seen, id) VALUES (?, ?)", binder);
            } catch (StoreException e) {
                if (!(e.getCause() instanceof SQLException refused
                        && StoreSql.UNIQUE_VIOLATION.equals(refused.getSQLState()))) {
                    throw e;
                }
                sql.update("UPDATE nodes SET last_seen = ? WHERE id = ?", binder);
            }
        }
    }

    /** The nodes seen alive since {@code since}, by id. */
    List<NodeSeen> seenSince(Instant since) {
        return sql.queryList("SELECT id, last_seen FROM nodes WHERE last_seen >= ? ORDER BY id",
                statement -> setInstant(statement, 1, since), rows -> new NodeSeen(rows.getString(1), instant(rows, "last_seen")));
    }
}
