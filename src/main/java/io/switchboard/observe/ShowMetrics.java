package io.switchboard.observe;

import io.switchboard.events.EventType;
import io.switchboard.processing.ProcessingStats;
import io.switchboard.salesforce.ConnectionStats;
import io.switchboard.salesforce.LoginGate;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.store.EventStatus;
import io.switchboard.store.EventStore;
import io.switchboard.store.LiveNodes;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code GET /observe/metrics} in Prometheus text format: events by type and status (from the store, so every
 * node reports the same totals), Salesforce calls, remaining daily allowance, API-allowance pauses, refused logins
 * and logins by outcome per connection, and, labelled with this node's id, the time from acceptance to the final
 * status of the events this node processed and its attempts by outcome; and the nodes seen alive on the store.
 */
public final class ShowMetrics implements Processor {
    private final EventStore store;
    private final SalesforceClients clients;
    private final ProcessingStats processing;
    private final LiveNodes nodes;

    public ShowMetrics(EventStore store, SalesforceClients clients, ProcessingStats processing, LiveNodes nodes) {
        this.store = store;
        this.clients = clients;
        this.processing = processing;
        this.nodes = nodes;
    }

    @Override
    public void process(Exchange exchange) {
        StringBuilder text = new StringBuilder();
        events(text);
        salesforce(text);
        pauses(text);
        logins(text);
        latency(text);
        nodes(text);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        message.setBody(text.toString());
    }

    private void events(StringBuilder text) {
        header(text, "switchboard_events", "gauge", "Stored events by type and status.");
        Map<EventType, Map<EventStatus, Long>> counts = store.countsByTypeAndStatus();
        for (EventType type : EventType.values()) {
            for (EventStatus status : EventStatus.values()) {
                long count = counts.getOrDefault(type, Map.of()).getOrDefault(status, 0L);
                text.append("switchboard_events{type=\"").append(type.path()).append("\",status=\"")
                        .append(status.name().toLowerCase(Locale.ROOT)).append("\"} ").append(count).append('\n');
            }
        }
    }

    private void salesforce(StringBuilder text) {
        header(text, "switchboard_salesforce_calls_total", "counter", "REST calls to Salesforce by connection and outcome.");
        clients.stats().forEach((connection, stats) -> {
            for (ConnectionStats.Outcome outcome : ConnectionStats.Outcome.values()) {
                text.append("switchboard_salesforce_calls_total{connection=\"").append(connection).append("\",outcome=\"")
                        .append(outcome.name().toLowerCase(Locale.ROOT)).append("\"} ").append(stats.calls(outcome)).append('\n');
            }
        });
        header(text, "switchboard_salesforce_call_seconds_total", "counter", "Time spent in calls to Salesforce.");
        clients.stats().forEach((connection, stats) -> text.append("switchboard_salesforce_call_seconds_total{connection=\"")
                .append(connection).append("\"} ").append(stats.totalSeconds()).append('\n'));
        header(text, "switchboard_salesforce_api_remaining", "gauge",
                "Daily API requests left, as Salesforce last reported (absent before the first call).");
        clients.stats().forEach((connection, stats) -> {
            if (stats.apiMax() > 0) {
                text.append("switchboard_salesforce_api_remaining{connection=\"").append(connection).append("\"} ")
                        .append(stats.apiMax() - stats.apiUsed()).append('\n');
            }
        });
        header(text, "switchboard_salesforce_api_max", "gauge", "Daily API allowance, as Salesforce last reported.");
        clients.stats().forEach((connection, stats) -> {
            if (stats.apiMax() > 0) {
                text.append("switchboard_salesforce_api_max{connection=\"").append(connection).append("\"} ")
                        .append(stats.apiMax()).append('\n');
            }
        });
    }

    private void pauses(StringBuilder text) {
        header(text, "switchboard_salesforce_paused", "gauge",
                "1 while the connection's events wait for its daily API allowance, else 0.");
        clients.pauses().forEach((connection, pause) -> text.append("switchboard_salesforce_paused{connection=\"")
                .append(connection).append("\"} ").append(pause.state() == null ? 0 : 1).append('\n'));
        header(text, "switchboard_salesforce_pauses_total", "counter", "Times the connection's traffic paused.");
        clients.pauses().forEach((connection, pause) -> text.append("switchboard_salesforce_pauses_total{connection=\"")
                .append(connection).append("\"} ").append(pause.pauses()).append('\n'));
    }

    private void logins(StringBuilder text) {
        header(text, "switchboard_salesforce_login_refused", "gauge",
                "1 while Salesforce refuses the connection's login and its events wait, else 0.");
        clients.logins().forEach((connection, gate) -> text.append("switchboard_salesforce_login_refused{connection=\"")
                .append(connection).append("\"} ").append(gate.state() == null ? 0 : 1).append('\n'));
        header(text, "switchboard_salesforce_logins_total", "counter",
                "Logins sent by outcome: ok, refused (by Salesforce), failed (no usable answer).");
        clients.logins().forEach((connection, gate) -> {
            for (LoginGate.Result result : LoginGate.Result.values()) {
                text.append("switchboard_salesforce_logins_total{connection=\"").append(connection).append("\",outcome=\"")
                        .append(result.name().toLowerCase(Locale.ROOT)).append("\"} ").append(gate.logins(result)).append('\n');
            }
        });
    }

    private void latency(StringBuilder text) {
        header(text, "switchboard_event_seconds", "histogram", "Time from acceptance to done, skipped or failed.");
        processing.byType().forEach((type, histogram) -> {
            String label = "type=\"" + type.path() + "\",node=\"" + escaped(nodes.self()) + "\"";
            for (int i = 0; i < ProcessingStats.BOUNDS.length; i++) {
                text.append("switchboard_event_seconds_bucket{").append(label).append(",le=\"")
                        .append(ProcessingStats.BOUNDS[i]).append("\"} ").append(histogram.bucket(i)).append('\n');
            }
            text.append("switchboard_event_seconds_bucket{").append(label).append(",le=\"+Inf\"} ")
                    .append(histogram.count()).append('\n');
            text.append("switchboard_event_seconds_sum{").append(label).append("} ").append(histogram.sumSeconds()).append('\n');
            text.append("switchboard_event_seconds_count{").append(label).append("} ").append(histogram.count()).append('\n');
        });
    }

    private void nodes(StringBuilder text) {
        header(text, "switchboard_node_attempts_total", "counter",
                "Attempts this node's worker ended, by outcome: done, skipped, failed, retried, held, abandoned (taken over).");
        processing.attemptsByOutcome().forEach((outcome, count) -> text.append("switchboard_node_attempts_total{node=\"")
                .append(escaped(nodes.self())).append("\",outcome=\"").append(outcome).append("\"} ").append(count).append('\n'));
        header(text, "switchboard_nodes_alive", "gauge", "Nodes whose heartbeat reached the store within the claim lease.");
        text.append("switchboard_nodes_alive ").append(nodes.alive().size()).append('\n');
        processing.inFlight().ifPresent(inFlight -> {
            header(text, "switchboard_worker_in_flight_limit", "gauge",
                    "Events this node runs at once at most now, sized by Salesforce's answer times up to the ceiling.");
            text.append("switchboard_worker_in_flight_limit ").append(inFlight.limit()).append('\n');
            header(text, "switchboard_worker_in_flight_ceiling", "gauge",
                    "The most events this node may run at once (SWITCHBOARD_WORKER_CONCURRENCY).");
            text.append("switchboard_worker_in_flight_ceiling ").append(inFlight.ceiling()).append('\n');
            header(text, "switchboard_worker_in_flight", "gauge", "Events (or batches) this node runs now.");
            text.append("switchboard_worker_in_flight ").append(inFlight.running()).append('\n');
        });
        header(text, "switchboard_salesforce_calls_in_flight", "gauge", "Calls to Salesforce under way now.");
        text.append("switchboard_salesforce_calls_in_flight ").append(clients.calls().underWay()).append('\n');
        header(text, "switchboard_salesforce_long_running_calls", "gauge",
                "Calls to Salesforce under way for 20 s or longer (Salesforce allows an org 25 at once).");
        text.append("switchboard_salesforce_long_running_calls ").append(clients.calls().longRunning()).append('\n');
    }

    /** A label value as Prometheus reads it: backslash, quote and line break escaped. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static void header(StringBuilder text, String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
