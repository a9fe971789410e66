package io.switchboard.store;

import io.switchboard.events.EventType;
import java.util.List;

/**
 * An event as the intake hands it to the store: validated, with its idempotency key, the JSON as received, the
 * digest of its canonical body (which tells a repeat from a reused key) and the warnings found on arrival.
 */
public record NewEvent(EventType type, String source, IdempotencyKey key, String payload, String bodyDigest,
                       List<String> warnings) {
    public NewEvent {
        warnings = List.copyOf(warnings);
    }
}
