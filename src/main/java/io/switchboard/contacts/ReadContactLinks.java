package io.switchboard.contacts;

import io.switchboard.events.ContactChanged;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The Salesforce Contacts the event's source contact is linked to, from the event store; none for an unknown one. */
final class ReadContactLinks implements Processor {
    private final ContactSteps steps;

    ReadContactLinks(ContactSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ContactChanged event = ContactExchange.event(exchange);
        exchange.setProperty(ContactExchange.LINKS,
                steps.links().linksOf(event.source(), event.contactId()).orElse(List.of()));
    }
}
