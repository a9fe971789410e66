package io.switchboard.store;

import io.switchboard.events.EventType;
import java.util.List;

/**
 * An event as the intake hands it to the store: validated, with its idempotency key, the JSON as received, the
 * digest of its canonical body (which tells a repeat from a reused key), the warnings found on arrival, and the id
 * its platform gave it (conversation, call, referral or case id; null when it has none), which operators search by.
 */
public record NewEvent(EventType type, String source, IdempotencyKey key, String payload, String bodyDigest,
                       List<String> warnings, String subjectId) {
    public NewEvent {
        warnings = List.copyOf(warnings);
    }

    public NewEvent(EventType type, String source, IdempotencyKey key, String payload, String bodyDigest,
                    List<String> warnings) {
        this(type, source, key, payload, bodyDigest, warnings, null);
    }
}
