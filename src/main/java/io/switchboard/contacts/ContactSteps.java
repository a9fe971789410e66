package io.switchboard.contacts;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.mapping.SObjectDescription;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.store.ContactLinks;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/** What every contact step needs: the sync's settings, the link store and the connection the Contacts live in. */
final class ContactSteps {
    static final String CONTACT = "Contact";

    private final Supplier<ContactSync> sync;
    private final ContactLinks links;
    private final ConnectionSteps connections;

    ContactSteps(Supplier<ContactSync> sync, ContactLinks links, ConnectionSteps connections) {
        this.sync = sync;
        this.links = links;
        this.connections = connections;
    }

    ContactSync sync() {
        return sync.get();
    }

    ContactLinks links() {
        return links;
    }

    /** The connection's client, once the connection admits the event (see {@link ConnectionSteps#forConnection}). */
    SalesforceClient client(Exchange exchange) {
        return connections.client(exchange, sync().connection());
    }

    SObjectDescription describeContact(SalesforceClient client) {
        return connections.describe(client, CONTACT);
    }
}
