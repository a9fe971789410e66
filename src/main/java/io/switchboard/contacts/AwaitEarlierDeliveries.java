package io.switchboard.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.events.ContactDelivery;
import io.switchboard.events.EventHeaders;
import io.switchboard.events.EventProperties;
import io.switchboard.events.EventType;
import io.switchboard.store.EventStore;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Keeps a Contact's changes in the order they happened: while an earlier change of the same Contact is pending or
 * being delivered (by this node or another), this one waits. An earlier one failed for good does not hold it up.
 */
final class AwaitEarlierDeliveries implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The derived key's parts: type, source, Contact id, time as zero-padded epoch milliseconds, change. */
    private static final int TIME_PART = 3;

    private final EventStore store;

    AwaitEarlierDeliveries(EventStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        ContactDelivery delivery = EventProperties.event(exchange, ContactDelivery.class);
        String prefix = "[\"" + EventType.CONTACT_DELIVERY.path() + "\",\"" + ContactDelivery.SOURCE + "\",\""
                + delivery.salesforceId() + "\",";
        String eventId = exchange.getMessage().getHeader(EventHeaders.EVENT_ID, String.class);
        for (String key : store.unfinishedKeys(EventType.CONTACT_DELIVERY, prefix, eventId)) {
            JsonNode parts = JSON.readTree(key);
            if (Long.parseLong(parts.path(TIME_PART).asText("0")) < delivery.changedAt().toEpochMilli()) {
                throw new EarlierDeliveryPending(delivery.salesforceId());
            }
        }
    }
}
