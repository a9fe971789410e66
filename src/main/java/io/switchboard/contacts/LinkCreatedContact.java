package io.switchboard.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.events.ContactChanged;
import io.switchboard.store.ContactLink;
import io.switchboard.store.LinkResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * After the route created the Contact: it is linked to the source contact, reported as created, and what was written
 * is kept, so that the sync back does not send the engine's own write to the source as a Salesforce change.
 */
final class LinkCreatedContact implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContactSteps steps;

    LinkCreatedContact(ContactSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ContactChanged event = ContactExchange.event(exchange);
        String id = createdId(exchange);
        LinkResult result = steps.links().link(event.source(), event.contactId(), id, ContactLink.How.CREATED);
        ContactExchange.outcome(exchange).produced(ContactSteps.CONTACT, id, "created");
        if (result.outcome() == LinkResult.Outcome.LINKED || result.outcome() == LinkResult.Outcome.ALREADY_LINKED) {
            steps.links().rememberWritten(id, exchange.getProperty(ContactExchange.CREATED_FIELDS, String.class));
        } else {
            // only a request racing this event for the same source contact can have got there first
            ContactExchange.outcome(exchange).warn("Contact " + id + " was created but not linked: "
                    + LinkContacts.reason(result, event.contactId()));
        }
    }

    private static String createdId(Exchange exchange) {
        try {
            JsonNode answer = JSON.readTree(exchange.getMessage().getBody(String.class));
            return answer.path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answer to the creation of a Contact", e);
        }
    }
}
