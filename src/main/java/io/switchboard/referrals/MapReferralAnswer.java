package io.switchboard.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.events.EventProperties;
import io.switchboard.events.ReferralSend;
import io.switchboard.outbound.OutboundHttp;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/**
 * Turns Case Xchange's answer into the write-back of the record, for the route's {@code updateSObject} step, one
 * method per branch: taken (the CX id, reference number and sent status) or refused (the failed status, the reason
 * kept for the event). Either way the send field is cleared and the send number kept, so the record is sent again
 * only when someone marks it again, and then as a new send.
 */
public final class MapReferralAnswer {
    static final String REFUSAL = "switchboardReferralRefusal";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CX_VALUE = 255;

    private final Supplier<ReferralSendConfig> config;
    private final ConnectionSteps steps;

    public MapReferralAnswer(Supplier<ReferralSendConfig> config, ConnectionSteps steps) {
        this.config = config;
        this.steps = steps;
    }

    /** 2xx: {@code {cxId, referenceNumber}}; an answer without a cxId fails the send, and nothing is written. */
    public void taken(Exchange exchange) {
        ReferralSendConfig send = config.get();
        JsonNode answer = answer(exchange);
        String cxId = cxValue(answer, "cxId");
        if (cxId == null) {
            throw new IllegalArgumentException("Case Xchange took the referral but answered no usable cxId: "
                    + OutboundHttp.quotedAnswer(exchange));
        }
        ObjectNode fields = written(exchange, send).put(send.cxIdField(), cxId).put(send.statusField(), send.sentStatus());
        String reference = cxValue(answer, "referenceNumber");
        if (reference != null) {
            fields.put(send.referenceNumberField(), reference);
        }
        exchange.getMessage().setBody(fields.toString());
    }

    /** Any other 4xx: the failed status; the reason goes on the event once it is written. */
    public void refused(Exchange exchange) {
        ReferralSendConfig send = config.get();
        exchange.setProperty(REFUSAL, OutboundHttp.quotedAnswer(exchange));
        exchange.getMessage().setBody(written(exchange, send).put(send.statusField(), send.failedStatus()).toString());
    }

    private ObjectNode written(Exchange exchange, ReferralSendConfig send) {
        ReferralSend referral = EventProperties.event(exchange, ReferralSend.class);
        steps.client(exchange, send.connection());
        Message message = exchange.getMessage();
        OutboundHttp.clearHeaders(message);
        message.setHeader(SalesforceEndpointConfig.SOBJECT_NAME, send.object());
        message.setHeader(SalesforceEndpointConfig.SOBJECT_ID, referral.salesforceRecordId());
        return JsonNodeFactory.instance.objectNode().put(send.sendField(), false)
                .put(send.sendNumberField(), referral.sendNumber());
    }

    private static JsonNode answer(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        try {
            return body == null ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** A short text value of the answer, or null: Case Xchange's answer is as untrusted as any input. */
    private static String cxValue(JsonNode answer, String name) {
        JsonNode value = answer.path(name);
        if (!value.isTextual() && !value.isNumber()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() || text.length() > MAX_CX_VALUE || text.chars().anyMatch(Character::isISOControl)
                ? null : text;
    }
}
