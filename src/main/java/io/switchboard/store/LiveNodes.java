package io.switchboard.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * This node and the nodes alive on the store: those whose heartbeat reached it within the claim lease. A node silent
 * for longer has its events taken over by the others, so health, metrics and the console all list these, by this one
 * rule.
 */
public final class LiveNodes {
    private final EventStore store;
    private final String self;
    private final Duration lease;
    private final Clock clock;

    public LiveNodes(EventStore store, String self, Duration lease, Clock clock) {
        this.store = store;
        this.self = self;
        this.lease = lease;
        this.clock = clock;
    }

    /** This engine's node id. */
    public String self() {
        return self;
    }

    /** How recent a heartbeat must be for its node to count as alive: the claim lease. */
    public Duration window() {
        return lease;
    }

    /** The nodes whose heartbeat reached the store within the window, as the store lists them. */
    public List<NodeSeen> alive() {
        return store.nodesSeenSince(clock.instant().minus(lease));
    }
}
