package io.switchboard.processing;

import io.switchboard.store.ClaimedEvent;
import io.switchboard.store.EventStore;
import io.switchboard.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's heartbeat, every third of the claim lease: writes that the node is alive (the nodes health lists) and
 * renews the leases of the events it is processing, so that no other node takes them over while it works. A beat
 * that cannot reach the store is logged and the next one tries again; two missed beats in a row still leave a third
 * of the lease.
 */
final class LeaseHeartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final EventStore store;
    private final String node;
    private final Duration lease;
    private final Map<String, ClaimedEvent> inFlight = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    LeaseHeartbeat(EventStore store, String node, Duration lease) {
        this.store = store;
        this.node = node;
        this.lease = lease;
    }

    /** Beats at once (the node shows as alive as it starts), then every third of the lease. */
    synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, lease.toMillis() / 3);
        timer.scheduleAtFixedRate(this::beat, 0, period, TimeUnit.MILLISECONDS);
    }

    void working(ClaimedEvent claim) {
        inFlight.put(claim.id(), claim);
    }

    void finished(ClaimedEvent claim) {
        inFlight.remove(claim.id(), claim);
    }

    private void beat() {
        try {
            Instant now = Instant.now();
            store.nodeSeen(node, now);
            // the claims as they stand now: one claimed while the store answers is renewed by the next beat, and one
            // that finishes meanwhile keeps its token in the store, so neither is mistaken for a take-over
            List<ClaimedEvent> claims = List.copyOf(inFlight.values());
            Set<String> takenOver = store.renewLeases(claims, now.plus(lease));
            for (ClaimedEvent claim : claims) {
                if (takenOver.contains(claim.id()) && inFlight.remove(claim.id(), claim)) {
                    LOG.warn("Event {} was taken over by another node after this node's lease on it ran out; its next "
                            + "write here stops", claim.id());
                }
            }
        } catch (StoreException e) {
            LOG.warn("Heartbeat of node '{}' could not reach the store: {}", node, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Heartbeat of node '{}' failed", node, e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
