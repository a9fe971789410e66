package io.switchboard.behaviours;

import io.switchboard.mapping.CreatePerson;
import io.switchboard.mapping.Describes;
import io.switchboard.mapping.FindOrCreateContact;
import io.switchboard.mapping.FindPersonByPhone;
import io.switchboard.mapping.LookupUserByEmail;
import io.switchboard.mapping.LookupUserByUsername;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.salesforce.SalesforceClients;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;

/**
 * The mapping steps bound to each Salesforce connection, made on first use and kept for the engine's life, so that
 * their caches (users, describes) serve every event rather than one.
 */
public final class ConnectionSteps {
    private final SalesforceClients clients;
    private final Describes describes = new Describes();
    private final Clock clock;
    private final Map<String, Steps> byConnection = new ConcurrentHashMap<>();

    /** The steps of one connection. */
    public record Steps(SalesforceClient client, FindOrCreateContact contacts, LookupUserByEmail usersByEmail,
                        LookupUserByUsername usersByUsername) {
    }

    public ConnectionSteps(SalesforceClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    public Steps forConnection(CamelContext context, String connection) {
        return byConnection.computeIfAbsent(connection, name -> create(clients.forConnection(context, name)));
    }

    /** Describes of every connection, cached per connection and object. */
    public Describes describes() {
        return describes;
    }

    private Steps create(SalesforceClient client) {
        return new Steps(client,
                new FindOrCreateContact(new FindPersonByPhone(client), new CreatePerson(client, clock)),
                new LookupUserByEmail(client, LookupUserByEmail.DEFAULT_TTL, clock),
                new LookupUserByUsername(client, LookupUserByEmail.DEFAULT_TTL, clock));
    }
}
