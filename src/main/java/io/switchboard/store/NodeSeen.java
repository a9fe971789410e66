package io.switchboard.store;

import java.time.Instant;

/** A node sharing the store, and when its heartbeat last reached the store. */
public record NodeSeen(String id, Instant lastSeen) {
}
