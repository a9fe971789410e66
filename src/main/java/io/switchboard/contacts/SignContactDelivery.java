package io.switchboard.contacts;

import io.switchboard.config.Secret;
import io.switchboard.events.ContactDelivery;
import io.switchboard.events.EventProperties;
import io.switchboard.outbound.OutboundHttp;
import io.switchboard.outbound.OutboundSignature;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The delivery as the route's HTTP step sends it: the stored body, {@code Idempotency-Key} stable per Salesforce
 * change, and {@code X-Switchboard-Signature: sha256=HEX}, the HMAC-SHA256 of the body with the sync's secret.
 * Every other header is dropped first, so that nothing of the engine's own travels to the platform.
 */
final class SignContactDelivery implements Processor {
    private final ContactSteps steps;

    SignContactDelivery(ContactSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ContactDelivery delivery = EventProperties.event(exchange, ContactDelivery.class);
        if (!steps.sync().delivery().enabled()) {
            throw new IllegalStateException("the contact sync is off (" + ContactSyncOptions.ENABLED.envName()
                    + "); replay this delivery once it is on");
        }
        Secret secret = steps.sync().delivery().secret();
        if (secret == null) {
            throw new IllegalStateException(ContactSyncOptions.SECRET.envName()
                    + " is not set, and deliveries are only sent signed");
        }
        Message message = exchange.getMessage();
        OutboundHttp.clearHeaders(message);
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Idempotency-Key", delivery.idempotencyKey());
        message.setHeader(OutboundSignature.HEADER, OutboundSignature.of(secret, delivery.body()));
        message.setBody(delivery.body().getBytes(StandardCharsets.UTF_8));
    }
}
