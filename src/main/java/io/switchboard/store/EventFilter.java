package io.switchboard.store;

import io.switchboard.events.EventType;
import java.time.Instant;
import java.util.Optional;

/**
 * Which events an operator looks at: of a type, a status, a source, received in a time window, or the ones an id
 * names (the event's own id, or the id its platform gave it: conversation, call, referral, case; or a Salesforce id
 * it produced). Every part is optional; an empty filter is every event.
 */
public record EventFilter(Optional<EventType> type, Optional<EventStatus> status, Optional<String> source,
                          Optional<Instant> receivedFrom, Optional<Instant> receivedBefore, Optional<String> id) {
    public static final EventFilter ALL = new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public EventFilter withStatus(EventStatus newStatus) {
        return new EventFilter(type, Optional.of(newStatus), source, receivedFrom, receivedBefore, id);
    }
}
