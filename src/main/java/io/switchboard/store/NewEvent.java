package io.switchboard.store;

import io.switchboard.events.EventType;

/** An event as the intake hands it to the store: validated, with its idempotency key and the JSON as received. */
public record NewEvent(EventType type, String source, String idempotencyKey, String payload) {
}
