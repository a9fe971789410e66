package io.switchboard.behaviours;

import io.switchboard.mapping.CreatePerson;
import io.switchboard.mapping.Describes;
import io.switchboard.mapping.FindPersonByPhone;
import io.switchboard.mapping.LookupUserByEmail;
import io.switchboard.mapping.MappingException;
import io.switchboard.mapping.SObjectDescription;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.salesforce.SalesforceClients;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;

/**
 * The mapping steps that talk to Salesforce, for any configured connection. Steps with caches (users by email,
 * describes) are made once per connection, so the cache outlives one event.
 */
public final class SalesforceSteps {
    private final SalesforceClients clients;
    private final Clock clock;
    private final Describes describes = new Describes();
    private final Map<String, LookupUserByEmail> userLookups = new ConcurrentHashMap<>();

    public SalesforceSteps(SalesforceClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    public SalesforceClient client(CamelContext context, String connection) {
        return clients.forConnection(context, connection);
    }

    public FindPersonByPhone findPerson(SalesforceClient client) {
        return new FindPersonByPhone(client);
    }

    public CreatePerson createPerson(SalesforceClient client) {
        return new CreatePerson(client, clock);
    }

    public LookupUserByEmail lookupUser(SalesforceClient client) {
        return userLookups.computeIfAbsent(client.connection().name(),
                name -> new LookupUserByEmail(client, LookupUserByEmail.DEFAULT_TTL, clock));
    }

    /** The object's describe; an org without the object fails the event naming the object and connection. */
    public SObjectDescription describe(SalesforceClient client, String sobject) {
        return describes.describe(client, sobject).orElseThrow(() -> new MappingException("the org of connection '"
                + client.connection().name() + "' has no object " + sobject));
    }
}
