package io.switchboard.campaigns;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.events.EventHeaders;
import io.switchboard.events.EventProperties;
import io.switchboard.events.SmsCampaign;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.store.EventStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Starts an attempt where the last one stopped: the progress saved after its last batch, or, the first time, a
 * check that the Campaign exists (a mistyped id fails the event, naming it, rather than sending to nobody).
 */
final class ResumeSmsCampaign implements Processor {
    private final EventStore store;
    private final ConnectionSteps steps;

    ResumeSmsCampaign(EventStore store, ConnectionSteps steps) {
        this.store = store;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        SmsCampaign campaign = EventProperties.event(exchange, SmsCampaign.class);
        String eventId = exchange.getMessage().getHeader(EventHeaders.EVENT_ID, String.class);
        SmsProgress progress = store.progress(eventId).map(SmsProgress::fromJson).orElse(null);
        if (progress == null) {
            SalesforceClient client = steps.client(exchange, SmsCampaignSteps.CONNECTION);
            if (client.queryRecords("SELECT Id FROM Campaign WHERE Id = " + SoqlEscaping.quote(campaign.campaignId()))
                    .isEmpty()) {
                throw new IllegalArgumentException("campaignId: no Campaign " + campaign.campaignId()
                        + " in Salesforce");
            }
            progress = new SmsProgress();
        }
        // a replay of a campaign handed over in full reads on from its last member and finds none left
        progress.finished = false;
        exchange.setProperty(CampaignHandover.PROPERTY, new CampaignHandover(campaign, eventId, progress));
    }
}
