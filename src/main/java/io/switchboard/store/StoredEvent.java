package io.switchboard.store;

import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import java.time.Instant;
import java.util.List;

/** One event as the status API shows it; error is null when there is none. The payload stays in the store. */
public record StoredEvent(String id, EventType type, String source, EventStatus status, int attempts,
                          Instant receivedAt, Instant updatedAt, Instant nextAttemptAt,
                          List<ProducedRecord> records, List<String> warnings, EventError error) {
}
