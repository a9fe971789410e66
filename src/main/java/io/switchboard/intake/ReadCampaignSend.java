package io.switchboard.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.ApiRefusal;
import io.switchboard.api.FieldProblem;
import io.switchboard.api.HttpRequestParts;
import io.switchboard.events.EventType;
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

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        ReadEvent.requireJson(HttpRequestParts.header(exchange, "Content-Type"));
        List<FieldProblem> problems = new ArrayList<>();
        String givenKey = ReadEvent.givenKey(exchange, problems);
        ParsedEvent parsed = null;
        try {
            String campaignId = HttpRequestParts.path(exchange, CAMPAIGN_ID);
            parsed = EventParser.parse(EventType.SMS_CAMPAIGN, message.getBody(byte[].class),
                    body -> addCampaignId(body, campaignId));
        } catch (InvalidEventException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw ApiRefusal.problems("invalid_campaign_send", problems);
        }
        message.setBody(parsed.toStore(givenKey));
    }

    /** The path's campaign id, added to the body for the parser to check with the rest. */
    private static void addCampaignId(ObjectNode body, String campaignId) {
        if (body.has("campaignId")) {
            throw ApiRefusal.problems("invalid_campaign_send", List.of(new FieldProblem("campaignId",
                    "comes from the path, /campaigns/{salesforceCampaignId}/send; leave it out of the body")));
        }
        body.put("campaignId", campaignId);
    }
}
