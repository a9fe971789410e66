package io.switchboard.salesforce;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;

/**
 * One {@link SalesforceClient} per configured connection, made on first use once the Camel context runs, with the
 * connection's statistics, API-allowance pause and login gate, which live as long as the engine whatever uses them.
 */
public final class SalesforceClients {
    private final Map<String, ConnectionSettings> connections;
    private final Map<String, SalesforceClient> clients = new ConcurrentHashMap<>();
    private final Map<String, ConnectionStats> stats = new LinkedHashMap<>();
    private final Map<String, ApiPause> pauses = new LinkedHashMap<>();
    private final Map<String, LoginGate> logins = new LinkedHashMap<>();
    private final CallsInFlight calls = new CallsInFlight();

    /**
     * @param releaseHeld makes the events a refused login holds due at once, after a login that may end the hold;
     *                    events held for another connection that is still refused are only held again
     */
    public SalesforceClients(Map<String, ConnectionSettings> connections, ApiPauseSettings pauseSettings,
                             LoginSettings loginSettings, Runnable releaseHeld) {
        this.connections = Map.copyOf(connections);
        connections.keySet().forEach(name -> {
            stats.put(name, new ConnectionStats());
            pauses.put(name, new ApiPause(name, pauseSettings, Clock.systemUTC()));
            logins.put(name, new LoginGate(name, loginSettings.retryInterval(), Clock.systemUTC(), releaseHeld));
        });
    }

    /** Every connection's call statistics, in configuration order, whether or not it was used yet. */
    public Map<String, ConnectionStats> stats() {
        return Collections.unmodifiableMap(stats);
    }

    /** Every connection's API-allowance pause, in configuration order. */
    public Map<String, ApiPause> pauses() {
        return Collections.unmodifiableMap(pauses);
    }

    /** Every connection's login gate, in configuration order. */
    public Map<String, LoginGate> logins() {
        return Collections.unmodifiableMap(logins);
    }

    /** The calls to Salesforce under way and just answered, over every connection. */
    public CallsInFlight calls() {
        return calls;
    }

    /** The client for a connection name; an unknown name is refused with the names that exist. */
    public SalesforceClient forConnection(CamelContext camelContext, String name) {
        ConnectionSettings settings = connections.get(name);
        if (settings == null) {
            throw new IllegalArgumentException("unknown connection '" + name + "'; configured: "
                    + String.join(", ", connections.keySet()));
        }
        return clients.computeIfAbsent(name, unused -> new SalesforceClient(camelContext,
                new SalesforceConnection(camelContext, settings, stats.get(name), pauses.get(name), logins.get(name))));
    }

    /** Every connection's settings by name. */
    public Map<String, ConnectionSettings> settings() {
        return connections;
    }

    /** The clients of every connection, in configuration order. */
    public List<SalesforceClient> all(CamelContext camelContext) {
        return logins.keySet().stream().map(name -> forConnection(camelContext, name)).toList();
    }
}
