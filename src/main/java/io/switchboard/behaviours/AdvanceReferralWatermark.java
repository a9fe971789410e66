package io.switchboard.behaviours;

import io.switchboard.store.EventStore;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Moves the poll's watermark to the latest change the poll stored; reached only when the poll and the storing
 * succeeded, so a failed poll asks for the same changes again. Never moves it back.
 */
public final class AdvanceReferralWatermark implements Processor {
    private final EventStore store;

    public AdvanceReferralWatermark(EventStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        Instant latest = exchange.getProperty(StoreReferralChanges.LATEST_CHANGE, Instant.class);
        if (latest == null) {
            return;
        }
        Optional<Instant> current = store.watermark(ReadReferralWatermark.WATERMARK).map(Instant::parse);
        if (current.isEmpty() || latest.isAfter(current.get())) {
            store.setWatermark(ReadReferralWatermark.WATERMARK, latest.toString());
        }
    }
}
