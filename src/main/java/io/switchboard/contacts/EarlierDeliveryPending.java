package io.switchboard.contacts;

import io.switchboard.events.EventHold;
import java.time.Instant;

/** A Contact's earlier change is not delivered yet: this one waits, pending, so the source sees them in order. */
final class EarlierDeliveryPending extends RuntimeException implements EventHold {
    private static final long WAIT_MILLIS = 200;

    private final transient Instant dueAt;

    EarlierDeliveryPending(String salesforceId) {
        super("an earlier change of Contact " + salesforceId + " is still being delivered", null, false, false);
        this.dueAt = Instant.now().plusMillis(WAIT_MILLIS);
    }

    @Override
    public Instant dueAt() {
        return dueAt;
    }

    @Override
    public boolean heldBeforeFirstCall() {
        return true;
    }

    @Override
    public String holdCode() {
        return "EARLIER_DELIVERY_PENDING";
    }

    @Override
    public String holdReason() {
        return getMessage();
    }
}
