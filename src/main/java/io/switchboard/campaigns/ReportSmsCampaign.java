package io.switchboard.campaigns;

import io.switchboard.events.EventOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The campaign as the event shows it once handed over: how many got the message and who was skipped and why. */
final class ReportSmsCampaign implements Processor {
    @Override
    public void process(Exchange exchange) {
        CampaignHandover handover = CampaignHandover.of(exchange);
        SmsProgress progress = handover.progress;
        EventOutcome outcome = exchange.getProperty(EventOutcome.PROPERTY, EventOutcome.class);
        outcome.produced("Campaign", handover.campaign.campaignId(), "handed over to " + progress.handedOver
                + " member(s) in " + progress.batches + " batch(es)");
        if (!progress.skipped.isEmpty()) {
            outcome.warn(progress.skipped.size() + " member(s) skipped, listed in progress.skippedMembers: "
                    + progress.skipped.get(0).personId() + " " + progress.skipped.get(0).skipReason()
                    + (progress.skipped.size() > 1 ? ", and others" : ""));
        }
    }
}
