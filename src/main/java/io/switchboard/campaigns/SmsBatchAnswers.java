package io.switchboard.campaigns;

import io.switchboard.outbound.OutboundHttp;
import java.io.IOException;
import org.apache.camel.Exchange;

/**
 * What the contact centre's answer to a batch makes of the campaign, one method per branch of the route's choice:
 * not taken now (408, 429, 5xx), retried by the worker with its backoff from the last batch taken; refused (any other
 * status), failed with the platform's reason, the batches taken before it kept, so that a replay reads on after them.
 */
public final class SmsBatchAnswers {
    public void notNow(Exchange exchange) throws IOException {
        throw new IOException("the contact centre answered " + OutboundHttp.quotedAnswer(exchange)
                + " to batch " + CampaignHandover.of(exchange).batch.number() + "; the campaign will carry on from it");
    }

    public void refused(Exchange exchange) {
        throw new IllegalArgumentException("the contact centre refused batch " + CampaignHandover.of(exchange).batch.number()
                + ": " + OutboundHttp.quotedAnswer(exchange));
    }
}
