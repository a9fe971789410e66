package io.switchboard.processing;

import io.switchboard.events.EventOutcome;
import io.switchboard.events.EventType;
import io.switchboard.store.ClaimedEvent;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * The events of a batched type ({@link EventType#batched()}) that one run of its route writes together, carried as an
 * exchange property. Each member ends on its own: done with what its outcome holds, or failed, retried or held by
 * the failure its route step gave it; a failure of the whole run ends every member that has none of its own.
 */
public final class EventBatch {
    public static final String PROPERTY = "switchboardEventBatch";

    /** One event of the batch: its claim, its record, what it produced, and its own failure if it has one. */
    public static final class Member {
        private final ClaimedEvent claim;
        private final Record event;
        private final EventOutcome outcome;
        private Exception failure;

        public Member(ClaimedEvent claim, Record event, EventOutcome outcome) {
            this.claim = claim;
            this.event = event;
            this.outcome = outcome;
        }

        public ClaimedEvent claim() {
            return claim;
        }

        public <T extends Record> T event(Class<T> type) {
            return type.cast(event);
        }

        public EventOutcome outcome() {
            return outcome;
        }

        /** This event fails (or is retried, if the failure is transient) whatever the others do; the first one wins. */
        public void fail(Exception why) {
            if (failure == null) {
                failure = why;
            }
        }

        public boolean failed() {
            return failure != null;
        }

        public Exception failure() {
            return failure;
        }
    }

    private final List<Member> members;

    public EventBatch(List<Member> members) {
        this.members = List.copyOf(members);
    }

    public List<Member> members() {
        return members;
    }

    public List<ClaimedEvent> claims() {
        return members.stream().map(Member::claim).toList();
    }

    /** The batch of a batched route; another route's exchange has none. */
    public static EventBatch of(Exchange exchange) {
        EventBatch batch = exchange.getProperty(PROPERTY, EventBatch.class);
        if (batch == null) {
            throw new IllegalStateException("expected an event batch as the exchange property " + PROPERTY
                    + ": batched events reach their route through the worker");
        }
        return batch;
    }
}
