package io.switchboard.contacts;

import io.switchboard.events.ContactDelivery;
import io.switchboard.events.EventProperties;
import io.switchboard.outbound.OutboundHttp;
import java.io.IOException;
import org.apache.camel.Exchange;

/**
 * What the source platform's answer to a delivery makes of it, one method per branch of the route's choice:
 * delivered; not taken now (408, 429, 5xx), retried by the worker with its backoff; refused for good (any other
 * status), failed and replayable.
 */
public final class DeliveryAnswers {
    /** 2xx: the Contact's change is on the platform. */
    public void delivered(Exchange exchange) {
        ContactDelivery delivery = EventProperties.event(exchange, ContactDelivery.class);
        ContactExchange.outcome(exchange).produced(ContactSteps.CONTACT, delivery.salesforceId(), "delivered");
    }

    /** The platform cannot take it now: an IOException, which the worker retries after its backoff. */
    public void notNow(Exchange exchange) throws IOException {
        throw new IOException("the source platform answered " + answer(exchange) + "; delivery will be retried");
    }

    /** The platform refused it as it is. */
    public void refused(Exchange exchange) {
        throw new IllegalArgumentException("the source platform refused the delivery: " + answer(exchange));
    }

    private static String answer(Exchange exchange) {
        return OutboundHttp.quotedAnswer(exchange);
    }
}
