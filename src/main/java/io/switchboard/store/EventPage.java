package io.switchboard.store;

import java.util.List;
import java.util.Optional;

/** A page of events, newest first, and where the next one starts when there are more. */
public record EventPage(List<StoredEvent> events, Optional<EventCursor> next) {
    public EventPage {
        events = List.copyOf(events);
    }
}
