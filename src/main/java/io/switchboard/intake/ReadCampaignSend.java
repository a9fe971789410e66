package io.switchboard.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.ApiRefusal;
import io.switchboard.api.FieldProblem;
import io.switchboard.api.HttpRequestParts;
import io.switchboard.events.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads {@code POST /campaigns/{salesforceCampaignId}/send}: a JSON body (else 415) of {@code message} and
 * {@code senderId}, the campaign's id from the path, checked as an {@code sms-campaign} event with every problem
 * named (else 400). Leaves the event to store as the body, as {@link ReadEvent} does.
 */
public final class ReadCampaignSend implements org.apache.camel.Processor {
    static final String CAMPAIGN_ID = "salesforceCampaignId";
    /** Strict as the parser is, so that a field given twice reaches the parser to be refused there, by name. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        ReadEvent.requireJson(HttpRequestParts.header(exchange, "Content-Type"));
        List<FieldProblem> problems = new ArrayList<>();
        String givenKey = ReadEvent.givenKey(exchange, problems);
        ParsedEvent parsed = null;
        try {
            parsed = EventParser.parse(EventType.SMS_CAMPAIGN, withCampaignId(message.getBody(byte[].class),
                    HttpRequestParts.path(exchange, CAMPAIGN_ID)));
        } catch (InvalidEventException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw ApiRefusal.problems("invalid_campaign_send", problems);
        }
        message.setBody(parsed.toStore(givenKey));
    }

    /**
     * The body with the path's campaign id added, for the parser to check with the rest; a body that is not a JSON
     * object is left for the parser to refuse as it refuses any event.
     */
    private static byte[] withCampaignId(byte[] body, String campaignId) {
        if (body == null || body.length == 0) {
            return body;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return body;
        }
        if (!(tree instanceof ObjectNode object)) {
            return body;
        }
        if (object.has("campaignId")) {
            throw ApiRefusal.problems("invalid_campaign_send", List.of(new FieldProblem("campaignId",
                    "comes from the path, /campaigns/{salesforceCampaignId}/send; leave it out of the body")));
        }
        object.put("campaignId", campaignId);
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }
}
