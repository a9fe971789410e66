package io.switchboard.console;

import io.switchboard.salesforce.ConnectionStats;
import io.switchboard.salesforce.SalesforceClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each connection's daily API usage over the last 24 hours, as Salesforce reported it on the engine's own calls:
 * sampled by the console's timer route, so drawing the chart costs the org no call. Kept in memory; a restart starts
 * a new history.
 */
public final class ApiUsageHistory {
    public static final Duration KEPT = Duration.ofHours(24);

    /** One reading: used of max daily API requests at a time. */
    public record Sample(Instant at, long used, long max) {
    }

    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final SalesforceClients clients;
    private final Clock clock;

    public ApiUsageHistory(SalesforceClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /** Reads every connection's usage now; a connection that has not made a call yet has none to record. */
    public void sample() {
        Instant now = clock.instant();
        for (Map.Entry<String, ConnectionStats> entry : clients.stats().entrySet()) {
            ConnectionStats stats = entry.getValue();
            if (stats.apiMax() > 0) {
                record(entry.getKey(), new Sample(now, stats.apiUsed(), stats.apiMax()));
            }
        }
    }

    void record(String connection, Sample sample) {
        Deque<Sample> kept = samples.computeIfAbsent(connection, name -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addLast(sample);
            Instant oldest = sample.at().minus(KEPT);
            while (!kept.isEmpty() && kept.peekFirst().at().isBefore(oldest)) {
                kept.removeFirst();
            }
        }
    }

    public List<Sample> of(String connection) {
        Deque<Sample> kept = samples.get(connection);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }
}
