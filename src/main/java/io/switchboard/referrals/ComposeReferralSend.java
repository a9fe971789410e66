package io.switchboard.referrals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.EventProperties;
import io.switchboard.events.ReferralSend;
import io.switchboard.outbound.OutboundHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The referral as the route's HTTP step posts it: {@code salesforceRecordId} and the mapped fields, the send's
 * {@code Idempotency-Key} (the same on every retry) and Case Xchange's bearer token, and no other header.
 */
final class ComposeReferralSend implements Processor {
    static final String TOKEN = "switchboardCaseXchangeToken";

    private final CaseXchangeTokens tokens;

    ComposeReferralSend(CaseXchangeTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        ReferralSend send = EventProperties.event(exchange, ReferralSend.class);
        String token = tokens.bearer();
        exchange.setProperty(TOKEN, token);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("salesforceRecordId", send.salesforceRecordId());
        send.fields().fields().forEachRemaining(field -> body.set(field.getKey(), field.getValue()));
        Message message = exchange.getMessage();
        OutboundHttp.clearHeaders(message);
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Accept", "application/json");
        message.setHeader("Idempotency-Key", send.idempotencyKey());
        message.setHeader("Authorization", "Bearer " + token);
        message.setBody(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
