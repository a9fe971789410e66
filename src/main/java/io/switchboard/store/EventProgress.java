package io.switchboard.store;

import static io.switchboard.store.StoreSql.now;
import static io.switchboard.store.StoreSql.setInstant;

import java.util.Optional;

/**
 * How far a long event has got, as JSON its route defines. Saved only while the saving attempt's claim still holds
 * the event, in the one statement that writes it: a node that lost the event to another cannot move its progress.
 */
final class EventProgress {
    private static final String CLAIM_HELD = "EXISTS (SELECT 1 FROM events WHERE id = ? AND claim_token = ? "
            + "AND status = 'processing')";

    private final StoreSql sql;

    EventProgress(StoreSql sql) {
        this.sql = sql;
    }

    Optional<String> progress(String eventId) {
        return sql.queryOne("SELECT progress FROM event_progress WHERE event_id = ?",
                statement -> statement.setString(1, eventId), rows -> rows.getString(1));
    }

    boolean save(ClaimedEvent claim, String progress) {
        StoreSql.Binder binder = statement -> {
            statement.setString(1, progress);
            setInstant(statement, 2, now());
            statement.setString(3, claim.id());
            statement.setString(4, claim.id());
            statement.setString(5, claim.token());
        };
        if (sql.update("UPDATE event_progress SET progress = ?, updated_at = ? WHERE event_id = ? AND " + CLAIM_HELD,
                binder) == 1) {
            return true;
        }
        // no row yet (or the claim is lost, when this inserts nothing either); the claim's token is this node's
        // alone, so no other attempt inserts the same event's row at once
        return sql.update("INSERT INTO event_progress (progress, updated_at, event_id) SELECT ?, ?, ? FROM events "
                + "WHERE id = ? AND claim_token = ? AND status = 'processing'", binder) == 1;
    }
}
