package io.switchboard.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.events.EventOutcome;
import io.switchboard.salesforce.SalesforceApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * After the collection request: each Contact reported as updated, with what it now holds kept for the sync back.
 * Salesforce answers per record, in request order; a refused record (which rolled back the others) fails the event
 * with its errorCode and message.
 */
final class ReportContactUpdates implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLLED_BACK = "ALL_OR_NONE_OPERATION_ROLLED_BACK";

    private final ContactSteps steps;

    ReportContactUpdates(ContactSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ContactUpdates planned = ContactExchange.required(exchange, ContactExchange.UPDATES, ContactUpdates.class,
                "planContactUpdates");
        JsonNode answer = read(exchange);
        List<ContactUpdates.Update> updates = planned.updates();
        if (!answer.isArray() || answer.size() != updates.size()) {
            throw new SalesforceApiException(500, "UNEXPECTED_ANSWER", "Salesforce answered " + answer.size()
                    + " result(s) for " + updates.size() + " Contact updates", List.of(), null);
        }
        for (int i = 0; i < updates.size(); i++) {
            if (!answer.get(i).path("success").asBoolean(false)) {
                throw refusal(updates, answer);
            }
        }
        EventOutcome outcome = ContactExchange.outcome(exchange);
        for (ContactUpdates.Update update : updates) {
            outcome.produced(ContactSteps.CONTACT, update.id(), "updated");
            steps.links().rememberWritten(update.id(), update.heldAfter().toString());
        }
    }

    /** The record whose own error rolled the request back; the others only say they were rolled back. */
    private static SalesforceApiException refusal(List<ContactUpdates.Update> updates, JsonNode answer) {
        for (int i = 0; i < updates.size(); i++) {
            for (JsonNode error : answer.get(i).path("errors")) {
                if (!ROLLED_BACK.equals(error.path("statusCode").asText())) {
                    List<String> fields = new ArrayList<>();
                    error.path("fields").forEach(field -> fields.add(field.asText()));
                    return new SalesforceApiException(400, error.path("statusCode").asText(), "Contact "
                            + updates.get(i).id() + ": " + error.path("message").asText(), fields, null);
                }
            }
        }
        return new SalesforceApiException(400, ROLLED_BACK, "Salesforce rolled the Contact updates back", List.of(), null);
    }

    private static JsonNode read(Exchange exchange) {
        try {
            return JSON.readTree(exchange.getMessage().getBody(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answer to the Contact updates", e);
        }
    }
}
