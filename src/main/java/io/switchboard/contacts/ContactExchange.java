package io.switchboard.contacts;

import io.switchboard.events.ContactChanged;
import io.switchboard.events.EventOutcome;
import io.switchboard.events.EventProperties;
import io.switchboard.store.ContactLink;
import java.util.List;
import org.apache.camel.Exchange;

/** The exchange properties the contact-changed route's steps leave for each other, and how to reach them. */
final class ContactExchange {
    /** The source contact's links when the event arrived: a {@code List<ContactLink>}. */
    static final String LINKS = "switchboardContactLinks";
    /** The Contacts matched by phone or email that are free to link, newest first: a {@code List<Person>}. */
    static final String MATCHES = "switchboardContactMatches";
    /** The linked Contacts to update and their fields: a {@link ContactUpdates}. */
    static final String UPDATES = "switchboardContactUpdates";
    /** The ids of the linked Contacts to delete with their source contact: a {@code List<String>}. */
    static final String DELETES = "switchboardContactDeletes";
    /** The page of Salesforce changes the sync read last: a {@link ContactChangePage}. */
    static final String PAGE = "switchboardContactChangePage";
    /** The fields the create step sends, kept to remember what the engine wrote. */
    static final String CREATED_FIELDS = "switchboardContactCreatedFields";

    private ContactExchange() {
    }

    static ContactChanged event(Exchange exchange) {
        return EventProperties.event(exchange, ContactChanged.class);
    }

    static EventOutcome outcome(Exchange exchange) {
        EventOutcome outcome = exchange.getProperty(EventOutcome.PROPERTY, EventOutcome.class);
        if (outcome == null) {
            throw new IllegalStateException("route " + exchange.getFromRouteId() + " needs the exchange property "
                    + EventOutcome.PROPERTY + "; events reach it through the worker");
        }
        return outcome;
    }

    @SuppressWarnings("unchecked")
    static List<ContactLink> links(Exchange exchange) {
        return required(exchange, LINKS, List.class, "readContactLinks");
    }

    static <T> T required(Exchange exchange, String property, Class<T> type, String step) {
        T value = exchange.getProperty(property, type);
        if (value == null) {
            throw new IllegalStateException("route " + exchange.getFromRouteId() + " needs the exchange property "
                    + property + ", which the step " + step + " sets; it must come first");
        }
        return value;
    }
}
