package io.switchboard.campaigns;

import io.switchboard.events.ClaimLostException;
import io.switchboard.events.EventHeaders;
import io.switchboard.store.ClaimedEvent;
import io.switchboard.store.EventStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Counts the batch just dealt with (handed over, or only skipped members) and saves the progress, while this node's
 * claim still holds the event; an attempt after a crash reads on from here.
 */
final class SaveSmsProgress implements Processor {
    private final EventStore store;

    SaveSmsProgress(EventStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        CampaignHandover handover = CampaignHandover.of(exchange);
        SmsProgress progress = handover.progress;
        CampaignHandover.Batch batch = handover.batch;
        if (batch != null) {
            progress.handedOver += batch.recipients().size();
            progress.skipped.addAll(batch.skipped());
            progress.lastMemberId = batch.lastMemberId();
            progress.batches += batch.recipients().isEmpty() ? 0 : 1;
            handover.batch = null;
        }
        progress.finished = progress.finished || (handover.unread.isEmpty() && handover.allRead());
        progress.recipients = progress.handedOver
                + (int) handover.unread.stream().filter(member -> !member.skipped()).count();
        ClaimedEvent claim = exchange.getProperty(EventHeaders.CLAIM, ClaimedEvent.class);
        if (claim != null && !store.saveProgress(claim, progress.toJson())) {
            throw new ClaimLostException(claim.id());
        }
    }
}
