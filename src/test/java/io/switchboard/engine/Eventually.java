package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.fail;

import io.switchboard.store.EventStatus;
import io.switchboard.store.EventStore;
import io.switchboard.store.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Waits for the background worker to bring an event to the state a test expects. */
public final class Eventually {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Eventually() {
    }

    public static StoredEvent reaches(EventStore store, String eventId, EventStatus status) throws InterruptedException {
        return matches(store, eventId, event -> event.status() == status, "status " + status.label());
    }

    public static StoredEvent matches(EventStore store, String eventId, Predicate<StoredEvent> condition, String description)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        StoredEvent event = null;
        while (Instant.now().isBefore(deadline)) {
            event = store.find(eventId).orElse(null);
            if (event != null && condition.test(event)) {
                return event;
            }
            Thread.sleep(10);
        }
        return fail("event " + eventId + " did not reach " + description + " within " + PATIENCE + "; last seen: " + event);
    }
}
