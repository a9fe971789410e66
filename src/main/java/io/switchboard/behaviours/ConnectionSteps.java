package io.switchboard.behaviours;

import io.switchboard.mapping.CreatePerson;
import io.switchboard.mapping.Describes;
import io.switchboard.mapping.FindOrCreateContact;
import io.switchboard.mapping.FindPersonByPhone;
import io.switchboard.mapping.LookupUserByEmail;
import io.switchboard.mapping.LookupUserByUsername;
import io.switchboard.mapping.MappingException;
import io.switchboard.mapping.RecentPersonMatches;
import io.switchboard.mapping.SObjectDescription;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.salesforce.SalesforceClients;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;

/**
 * The mapping steps bound to each Salesforce connection, made on first use and kept for the engine's life, so that
 * their caches (users, describes, recent phone matches) serve every event rather than one.
 */
public final class ConnectionSteps {
    private final SalesforceClients clients;
    private final Describes describes;
    private final Clock clock;
    private final Map<String, Steps> byConnection = new ConcurrentHashMap<>();

    /** The steps of one connection. */
    public record Steps(SalesforceClient client, RecentPersonMatches persons, CreatePerson creator,
                        FindOrCreateContact contacts, LookupUserByEmail usersByEmail,
                        LookupUserByUsername usersByUsername) {
    }

    public ConnectionSteps(SalesforceClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
        this.describes = new Describes(Describes.DEFAULT_TTL, clock);
    }

    public Steps forConnection(CamelContext context, String connection) {
        return byConnection.computeIfAbsent(connection, name -> create(clients.forConnection(context, name)));
    }

    public SalesforceClient client(CamelContext context, String connection) {
        return forConnection(context, connection).client();
    }

    public RecentPersonMatches findPerson(SalesforceClient client) {
        return of(client).persons();
    }

    public CreatePerson createPerson(SalesforceClient client) {
        return of(client).creator();
    }

    public LookupUserByEmail lookupUser(SalesforceClient client) {
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
        CreatePerson creator = new CreatePerson(client, clock);
        return new Steps(client, persons, creator, new FindOrCreateContact(persons, creator),
                new LookupUserByEmail(client, LookupUserByEmail.DEFAULT_TTL, clock),
                new LookupUserByUsername(client, LookupUserByEmail.DEFAULT_TTL, clock));
    }
}
