package io.switchboard.campaigns;

import io.switchboard.config.Secret;
import io.switchboard.contacts.ContactSyncOptions;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where campaign batches go and the secret they are signed with; sending is on when both are set. */
public record SmsCampaignSettings(String url, Secret secret) {
    public static SmsCampaignSettings from(UnaryOperator<String> environment) {
        return new SmsCampaignSettings(SmsCampaignOptions.URL.valueOf(environment.apply(SmsCampaignOptions.URL.envName())),
                Secret.ofNullable(environment.apply(ContactSyncOptions.SECRET.envName())));
    }

    /** Why a campaign cannot be sent now, naming the setting to make; empty when it can. */
    public Optional<String> whyOff() {
        if (url == null) {
            return Optional.of("SMS campaigns are off: set " + SmsCampaignOptions.URL.envName());
        }
        if (secret == null) {
            return Optional.of("SMS campaigns are off: " + ContactSyncOptions.SECRET.envName()
                    + " is not set, and batches are only sent signed");
        }
        return Optional.empty();
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "url=" + url + ", secret=" + Secret.describe(secret);
    }
}
