package io.switchboard.store;

import io.switchboard.events.EventType;
import java.time.Instant;

/**
 * An event the worker has claimed for processing; attempts includes the attempt now starting. The token is this
 * claim's own: every change the worker makes to the event names it, and one taken over by another node no longer
 * matches it.
 */
public record ClaimedEvent(String id, String token, EventType type, String payload, int attempts, Instant receivedAt) {
}
