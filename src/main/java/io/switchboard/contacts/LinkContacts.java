package io.switchboard.contacts;

import io.switchboard.events.ContactChanged;
import io.switchboard.events.EventOutcome;
import io.switchboard.mapping.Person;
import io.switchboard.store.ContactLink;
import io.switchboard.store.LinkResult;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Links the matched Contacts to the source contact, each reported as linked. One taken meanwhile by another source
 * contact, or one past the ten a source contact may hold, is left with a warning.
 */
final class LinkContacts implements Processor {
    private final ContactSteps steps;

    LinkContacts(ContactSteps steps) {
        this.steps = steps;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        ContactChanged event = ContactExchange.event(exchange);
        EventOutcome outcome = ContactExchange.outcome(exchange);
        List<Person> matches = ContactExchange.required(exchange, ContactExchange.MATCHES, List.class, "matchContacts");
        for (Person match : matches) {
            LinkResult result = steps.links().link(event.source(), event.contactId(), match.id(), ContactLink.How.MATCHED);
            switch (result.outcome()) {
                case LINKED, ALREADY_LINKED -> outcome.produced(ContactSteps.CONTACT, match.id(), "linked");
                default -> outcome.warn("Contact " + match.id() + " matched but was not linked: "
                        + reason(result, event.contactId()));
            }
        }
    }

    static String reason(LinkResult result, String contactId) {
        if (result.outcome() == LinkResult.Outcome.LINKED_ELSEWHERE) {
            ContactLink other = result.existing().orElseThrow();
            return "it is linked to " + other.source() + " contact " + other.contactId();
        }
        return contactId + " is linked to " + LinkResult.MAX_LINKS + " Contacts already";
    }
}
