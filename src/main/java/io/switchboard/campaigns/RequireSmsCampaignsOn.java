package io.switchboard.campaigns;

import io.switchboard.api.ApiRefusal;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Refuses a campaign send with 503 while campaigns are off, naming the setting to make, before anything is stored. */
final class RequireSmsCampaignsOn implements Processor {
    private final SmsCampaignSettings settings;

    RequireSmsCampaignsOn(SmsCampaignSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        settings.whyOff().ifPresent(why -> {
            throw ApiRefusal.of(503, "sms_campaigns_off", why);
        });
    }
}
