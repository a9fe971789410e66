package io.switchboard.contacts;

import io.switchboard.config.Secret;
import java.time.Duration;

/** How Salesforce's Contact changes reach the source platform: whether at all, where, how often, and signed with what. */
public record DeliverySettings(boolean enabled, String url, Duration interval, Secret secret) {
    /** Never the secret: it is not shown anywhere. */
    @Override
    public String toString() {
        return "enabled=" + enabled + ", url=" + url + ", interval=" + interval + ", secret=" + Secret.describe(secret);
    }
}
