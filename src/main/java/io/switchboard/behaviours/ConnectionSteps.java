package io.switchboard.behaviours;

import io.switchboard.lookup.FindPersonByPhone;
import io.switchboard.lookup.LookupUser;
import io.switchboard.lookup.RecentPersonMatches;
import io.switchboard.mapping.Describes;
import io.switchboard.mapping.MappingException;
import io.switchboard.mapping.SObjectDescription;
import io.switchboard.salesforce.SalesforceCallGuard;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.salesforce.SalesforceClients;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * The mapping steps bound to each Salesforce connection, made on first use and kept for the engine's life, so that
 * their caches (users, describes, recent phone matches) serve every event rather than one. An event's first use of a
 * connection asks the connection to admit it, so that a connection paused for its API allowance, or whose login
 * Salesforce refuses, holds events before their first call, never half way through their route.
 */
public final class ConnectionSteps {
    private final SalesforceClients clients;
    private final Describes describes;
    private final Clock clock;
    private final Map<String, Steps> byConnection = new ConcurrentHashMap<>();

    /** The steps of one connection. */
    public record Steps(SalesforceClient client, RecentPersonMatches persons, LookupUser usersByEmail,
                        LookupUser usersByUsername) {
    }

    public ConnectionSteps(SalesforceClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
        this.describes = new Describes(Describes.DEFAULT_TTL, clock);
    }

    /**
     * The steps of the connection an event uses; raises ConnectionPausedException or LoginRefusedException while it
     * may not start.
     */
    public Steps forConnection(Exchange exchange, String connection) {
        Steps steps = byConnection.computeIfAbsent(connection,
                name -> create(clients.forConnection(exchange.getContext(), name)));
        SalesforceCallGuard.admit(exchange, steps.client());
        return steps;
    }

    public SalesforceClient client(Exchange exchange, String connection) {
        return forConnection(exchange, connection).client();
    }

    public RecentPersonMatches findPerson(SalesforceClient client) {
        return of(client).persons();
    }

    public LookupUser lookupUser(SalesforceClient client) {
        return of(client).usersByEmail();
    }

    /** The object's describe; an org without the object fails the event naming the object and connection. */
    public SObjectDescription describe(SalesforceClient client, String sobject) {
        return describes.describe(client, sobject).orElseThrow(() -> new MappingException("the org of connection '"
                + client.connection().name() + "' has no object " + sobject));
    }

    private Steps of(SalesforceClient client) {
        return byConnection.computeIfAbsent(client.connection().name(), name -> create(client));
    }

    /** Describes of every connection, cached per connection and object. */
    public Describes describes() {
        return describes;
    }

    private Steps create(SalesforceClient client) {
        RecentPersonMatches persons = new RecentPersonMatches(new FindPersonByPhone(client),
                RecentPersonMatches.DEFAULT_TTL, clock);
        return new Steps(client, persons, new LookupUser(client, LookupUser.By.EMAIL, LookupUser.DEFAULT_TTL, clock),
                new LookupUser(client, LookupUser.By.USERNAME, LookupUser.DEFAULT_TTL, clock));
    }
}
