package io.switchboard.intake;

import io.switchboard.events.EventType;

/**
 * A valid event: its record from {@code io.switchboard.events}, its source, the idempotency key derived from it,
 * and its JSON re-serialised as UTF-8 for the store (unknown fields kept).
 */
public record ParsedEvent(EventType type, Record event, String source, String derivedKey, String json) {
}
