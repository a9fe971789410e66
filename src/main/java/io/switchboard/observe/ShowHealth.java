package io.switchboard.observe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.JsonAnswers;
import io.switchboard.events.EventType;
import io.switchboard.salesforce.ApiPause;
import io.switchboard.salesforce.ConnectionStats;
import io.switchboard.salesforce.LoginGate;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.store.EventStore;
import io.switchboard.store.LiveNodes;
import io.switchboard.store.NodeSeen;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;

/**
 * {@code GET /observe/health}: UP (200) or DOWN (503) with a detail per check. The store must answer, every route
 * meant to run must be started, and every event type must have its route. A connection is DOWN while Salesforce
 * refuses its login, or when its last call failed for a reason that stops all traffic (unreachable, 5xx, session
 * refused, daily limit) and none has succeeded since; it is read from the logins and calls the engine already makes,
 * so a health probe never logs in nor spends the org's API allowance. Each connection also says whether its events are paused for the API allowance, why, and
 * when it is checked next. Beside the checks: this node's id, and the nodes whose heartbeat reached the store within
 * the claim lease (a node silent for longer has its events taken over by the others).
 */
public final class ShowHealth implements Processor {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final EventStore store;
    private final SalesforceClients clients;
    private final LiveNodes nodes;

    public ShowHealth(EventStore store, SalesforceClients clients, LiveNodes nodes) {
        this.store = store;
        this.clients = clients;
        this.nodes = nodes;
    }

    @Override
    public void process(Exchange exchange) {
        ObjectNode checks = JSON.objectNode();
        boolean up = checkStore(checks.putObject("store"));
        ObjectNode connections = checks.putObject("connections");
        for (Map.Entry<String, ConnectionStats> entry : clients.stats().entrySet()) {
            ObjectNode detail = connections.putObject(entry.getKey());
            LoginGate.State refusal = clients.logins().get(entry.getKey()).state();
            up &= refusal == null ? checkConnection(detail, entry.getValue()) : showRefusal(detail, refusal, entry.getValue());
            showPause(detail, clients.pauses().get(entry.getKey()));
        }
        up &= checkRoutes(checks.putObject("routes"), exchange);
        ObjectNode body = JSON.objectNode().put("status", up ? "UP" : "DOWN");
        body.set("checks", checks);
        body.put("node", nodes.self());
        body.set("nodes", nodesAlive());
        JsonAnswers.write(exchange, up ? 200 : 503, body);
    }

    /** Empty when the store does not answer; its check says so. */
    private ArrayNode nodesAlive() {
        ArrayNode alive = JSON.arrayNode();
        try {
            for (NodeSeen seen : nodes.alive()) {
                alive.addObject().put("id", seen.id()).put("lastSeen", seen.lastSeen().toString());
            }
        } catch (RuntimeException e) {
            alive.removeAll();
        }
        return alive;
    }

    private boolean checkStore(ObjectNode detail) {
        try {
            // not a count of events: that reads the whole table at every probe, and a probe must stay cheap
            detail.put("status", "UP");
            store.oldestPending().ifPresent(at -> detail.put("oldestPending", at.toString()));
            return true;
        } catch (RuntimeException e) {
            detail.put("status", "DOWN").put("error", e.getClass().getSimpleName());
            return false;
        }
    }

    private static boolean checkConnection(ObjectNode detail, ConnectionStats stats) {
        ConnectionStats.Failure outage = stats.outage();
        detail.put("status", outage == null ? "UP" : "DOWN").put("calls", stats.totalCalls());
        if (stats.lastSuccess() != null) {
            detail.put("lastSuccess", stats.lastSuccess().toString());
        }
        if (stats.apiMax() > 0) {
            detail.put("apiUsed", stats.apiUsed()).put("apiMax", stats.apiMax());
        }
        if (outage != null) {
            detail.put("since", outage.at().toString()).put("errorCode", outage.code()).put("message", outage.message());
        }
        detail.put("loginRefused", false);
        return outage == null;
    }

    /** Says what the operator must fix: the same sentence check-connection prints for this login. */
    private static boolean showRefusal(ObjectNode detail, LoginGate.State refusal, ConnectionStats stats) {
        detail.put("status", "DOWN").put("calls", stats.totalCalls()).put("loginRefused", true)
                .put("diagnosis", refusal.diagnosis()).put("since", refusal.since().toString())
                .put("nextLoginAttempt", refusal.nextAttempt().toString());
        return false;
    }

    private static void showPause(ObjectNode detail, ApiPause pause) {
        ApiPause.State state = pause.state();
        detail.put("paused", state != null);
        if (state != null) {
            detail.put("pausedSince", state.since().toString()).put("pauseReason", state.reason())
                    .put("nextCheck", state.nextProbe().toString());
        }
    }

    /**
     * Every route meant to run is started, and every event type has its route: an event whose route is missing
     * cannot be processed, which is as much an outage as a stopped route.
     */
    private static boolean checkRoutes(ObjectNode detail, Exchange exchange) {
        CamelContext context = exchange.getContext();
        int started = 0;
        ObjectNode stopped = JSON.objectNode();
        Set<String> consumed = new HashSet<>();
        for (Route route : context.getRoutes()) {
            if (!route.isAutoStartup()) {
                continue; // stopped on purpose, such as a poll that is switched off in config/
            }
            ServiceStatus status = context.getRouteController().getRouteStatus(route.getRouteId());
            if (status == ServiceStatus.Started) {
                started++;
                consumed.add(route.getEndpoint().getEndpointUri());
            } else {
                stopped.put(route.getRouteId(), String.valueOf(status));
            }
        }
        ArrayNode missing = JSON.arrayNode();
        for (EventType type : EventType.values()) {
            if (!consumed.contains("direct://" + type.path())) {
                missing.add(type.path());
            }
        }
        boolean up = stopped.isEmpty() && missing.isEmpty();
        detail.put("status", up ? "UP" : "DOWN").put("started", started);
        if (!stopped.isEmpty()) {
            detail.set("notStarted", stopped);
        }
        if (!missing.isEmpty()) {
            detail.set("noRouteForEvents", missing);
        }
        return up;
    }
}
