package io.switchboard.store;

import io.switchboard.events.EventType;

/** An event the worker has claimed for processing; attempts includes the attempt now starting. */
public record ClaimedEvent(String id, EventType type, String payload, int attempts) {
}
