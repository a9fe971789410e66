package io.switchboard.contacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ContactChanged;
import io.switchboard.mapping.FitToFieldLengths;
import io.switchboard.salesforce.SalesforceClient;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The Contact for a source contact that matched nobody, as the body of the route's {@code createSObject} step: the
 * mapped fields that move to Salesforce, cut to their field's length with a warning. Salesforce requires a
 * LastName; a contact without one mapped gets its first phone, first email or its id there instead.
 */
final class ComposeNewContact implements Processor {
    private static final String LAST_NAME = "LastName";

    private final ContactSteps steps;
    private final FitToFieldLengths fitToFieldLengths = new FitToFieldLengths();

    ComposeNewContact(ContactSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ContactChanged event = ContactExchange.event(exchange);
        SalesforceClient client = steps.client(exchange);
        Map<String, String> values = ContactValues.toSalesforce(steps.sync(), event.contact());
        ObjectNode fields = ContactValues.json(values);
        if (!fields.hasNonNull(LAST_NAME) || fields.path(LAST_NAME).asText().isBlank()) {
            fields.put(LAST_NAME, standInName(event));
        }
        fitToFieldLengths.fit(steps.describeContact(client), fields, ContactExchange.outcome(exchange)::warn);
        exchange.setProperty(ContactExchange.CREATED_FIELDS, fields.toString());
        exchange.getMessage().setBody(fields.toString());
    }

    private static String standInName(ContactChanged event) {
        if (!event.contact().phones().isEmpty()) {
            return event.contact().phones().get(0);
        }
        if (!event.contact().emails().isEmpty()) {
            return event.contact().emails().get(0);
        }
        return event.contactId();
    }
}
