package io.switchboard.processing;

import io.switchboard.events.ClaimLostException;
import io.switchboard.events.EventHeaders;
import io.switchboard.salesforce.WriteFence;
import io.switchboard.store.ClaimedEvent;
import io.switchboard.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Before each Salesforce write of an event: the store confirms that this node's claim still holds the event and
 * extends its lease, in one conditional update, so the write goes out with a whole lease ahead of it. When another
 * node took the event over, the write is not sent and the attempt stops ({@link ClaimLostException}).
 */
final class LeaseFence implements WriteFence {
    private final EventStore store;
    private final Duration lease;

    LeaseFence(EventStore store, Duration lease) {
        this.store = store;
        this.lease = lease;
    }

    @Override
    public void beforeWrite(Exchange exchange) {
        ClaimedEvent claim = exchange.getProperty(EventHeaders.CLAIM, ClaimedEvent.class);
        if (claim != null && !store.holdClaim(claim, Instant.now().plus(lease))) {
            throw new ClaimLostException(claim.id());
        }
        // a batch's write is for all its events: one taken over stops the write, and the others are retried
        EventBatch batch = exchange.getProperty(EventBatch.PROPERTY, EventBatch.class);
        if (batch != null) {
            Set<String> lost = store.renewLeases(batch.claims(), Instant.now().plus(lease));
            if (!lost.isEmpty()) {
                throw new ClaimLostException(lost.iterator().next());
            }
        }
    }
}
