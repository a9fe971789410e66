package io.switchboard.campaigns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.outbound.OutboundHttp;
import io.switchboard.outbound.OutboundSignature;
import io.switchboard.salesforce.WriteFence;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The batch as the route's HTTP step posts it: {@code campaignId}, {@code message}, {@code senderId} and the
 * recipients ({@code salesforceId}, {@code phone}, {@code name}), with an {@code Idempotency-Key} of the event and the
 * batch's number (the same on every attempt) and {@code X-Switchboard-Signature}, and no other header. It goes only
 * while this node's claim still holds the event, asked of the fence every Salesforce write passes, so two nodes never
 * hand the same campaign over at once.
 */
final class SignSmsBatch implements Processor {
    private final Supplier<SmsCampaignSettings> settings;
    private final WriteFence fence;

    SignSmsBatch(Supplier<SmsCampaignSettings> settings, WriteFence fence) {
        this.settings = settings;
        this.fence = fence;
    }

    @Override
    public void process(Exchange exchange) {
        CampaignHandover handover = CampaignHandover.of(exchange);
        SmsCampaignSettings sending = settings.get();
        sending.whyOff().ifPresent(why -> {
            throw new IllegalStateException(why + "; replay this campaign once it is on");
        });
        fence.beforeWrite(exchange);
        String body = body(handover).toString();
        Message message = exchange.getMessage();
        OutboundHttp.clearHeaders(message);
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Idempotency-Key", handover.eventId + "-" + handover.batch.number());
        message.setHeader(OutboundSignature.HEADER, OutboundSignature.of(sending.secret(), body));
        message.setBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode body(CampaignHandover handover) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("campaignId", handover.campaign.campaignId())
                .put("message", handover.campaign.message())
                .put("senderId", handover.campaign.senderId());
        ArrayNode recipients = body.putArray("recipients");
        handover.batch.recipients().forEach(member -> recipients.addObject().put("salesforceId", member.personId())
                .put("phone", member.phone()).put("name", member.name()));
        return body;
    }
}
