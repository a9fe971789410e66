package io.switchboard.contacts;

import io.switchboard.events.ContactChanged;
import io.switchboard.events.EventOutcome;
import io.switchboard.store.ContactLink;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** A source contact deleted on the source: its links are removed, each Contact reported as unlinked. */
final class ForgetSourceContact implements Processor {
    private final ContactSteps steps;

    ForgetSourceContact(ContactSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ContactChanged event = ContactExchange.event(exchange);
        EventOutcome outcome = ContactExchange.outcome(exchange);
        for (ContactLink link : steps.links().forget(event.source(), event.contactId())) {
            outcome.produced(ContactSteps.CONTACT, link.salesforceId(), "unlinked");
        }
    }
}
