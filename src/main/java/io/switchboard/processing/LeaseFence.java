package io.switchboard.processing;

import io.switchboard.events.ClaimLostException;
import io.switchboard.salesforce.WriteFence;
import io.switchboard.store.ClaimedEvent;
import io.switchboard.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;

/**
 * Before each Salesforce write of an event: the store confirms that this node's claim still holds the event and
 * extends its lease, in one conditional update, so the write goes out with a whole lease ahead of it. When another
 * node took the event over, the write is not sent and the attempt stops ({@link ClaimLostException}).
 */
final class LeaseFence implements WriteFence {
    /** Exchange property: the {@link ClaimedEvent} the route runs for. */
    static final String CLAIM = "switchboardClaim";

    private final EventStore store;
    private final Duration lease;

    LeaseFence(EventStore store, Duration lease) {
        this.store = store;
        this.lease = lease;
    }

    @Override
    public void beforeWrite(Exchange exchange) {
        ClaimedEvent claim = exchange.getProperty(CLAIM, ClaimedEvent.class);
        if (claim != null && !store.holdClaim(claim, Instant.now().plus(lease))) {
            throw new ClaimLostException(claim.id());
        }
    }
}
