package io.switchboard.events;

import java.time.Instant;
import java.util.List;

/**
 * A Salesforce Contact's change to deliver to the source platform: the JSON body it is posted with, as stored, and
 * what the delivery needs of it. {@code changedAt} is the Contact's SystemModstamp, which orders its changes.
 */
public record ContactDelivery(String salesforceId, String change, Instant changedAt, List<String> links, String body) {
    public static final String SOURCE = "salesforce";

    public ContactDelivery {
        links = List.copyOf(links);
    }

    /** Stable per Salesforce change: the same on every retry, and when the sync reads the change again. */
    public String idempotencyKey() {
        return salesforceId + "-" + change + "-" + changedAt.toEpochMilli();
    }
}
