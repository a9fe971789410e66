package io.switchboard.processing;

import io.switchboard.events.EventType;
import io.switchboard.salesforce.CallsInFlight;
import io.switchboard.salesforce.WriteFence;
import io.switchboard.store.ClaimedEvent;
import io.switchboard.store.EventStore;
import io.switchboard.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the stored events in the background: claims due pending events (and those of other nodes whose lease
 * ran out), as many at once as the {@link InFlightLimit} sized by Salesforce's answer times allows, and hands each
 * to its route; its heartbeat renews their leases
 * meanwhile. Wakes as soon as an event is accepted or replayed and looks for due retries
 * at the poll interval. On stop it lets events in flight finish within the grace period and leaves the rest pending.
 */
public final class EventWorker {
    private static final Logger LOG = LoggerFactory.getLogger(EventWorker.class);
    /**
     * How long an event of a batched type waits for others to fill its batch: long enough for a platform posting a
     * campaign's results to fill batches of 200, short enough that a lone result is written within seconds.
     */
    static final Duration BATCH_LINGER = Duration.ofSeconds(2);
    private static final Duration BATCH_LOOK_INTERVAL = Duration.ofMillis(250);
    /**
     * Claims follow each other at least this far apart while few slots are free: each claim is a committed update,
     * and with every ended event waking the dispatcher it would otherwise claim one event per commit. A slot waits
     * at most this long; with a quarter of the limit free the claim goes at once.
     */
    private static final long CLAIM_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final EventStore store;
    private final WorkerSettings settings;
    private final RouteEvent routeEvent;
    private final LeaseHeartbeat heartbeat;
    private final InFlightLimit inFlight;
    private final Object wakeUp = new Object();
    private boolean woken;
    private volatile boolean running;
    private ExecutorService pool;
    private Thread dispatcher;
    /** When the dispatcher next looks for batches; its own thread's alone. */
    private Instant nextBatchLook = Instant.MIN;
    /** When the dispatcher last claimed (System.nanoTime); its own thread's alone. */
    private long lastClaimNanos;

    public EventWorker(CamelContext context, EventStore store, WorkerSettings settings, ProcessingStats stats,
                       CallsInFlight calls) {
        this.store = store;
        this.settings = settings;
        this.routeEvent = new RouteEvent(context, store, new RetryBackoff(settings.retryInitialDelay(), settings.retryMaxDelay()),
                stats);
        this.heartbeat = new LeaseHeartbeat(store, settings.nodeId(), settings.claimLease());
        this.inFlight = new InFlightLimit(calls, settings.concurrency(), System.nanoTime());
        this.lastClaimNanos = System.nanoTime() - CLAIM_SPACING_NANOS;
        stats.workerLimit(inFlight);
        store.onNewWork(this::wake);
    }

    /**
     * The fence that each Salesforce write of an event passes: it goes only while this node's claim still holds the
     * event. Installed with the Salesforce call guard, before the routes start.
     */
    public static WriteFence fence(EventStore store, WorkerSettings settings) {
        return new LeaseFence(store, settings.claimLease());
    }

    /** Re-queues what this node left processing when it last stopped, then starts its heartbeat and claiming. */
    public synchronized void start() {
        if (running) {
            return;
        }
        int requeued = store.requeueInterrupted(settings.nodeId());
        if (requeued > 0) {
            LOG.info("Re-queued {} event(s) that were being processed when node '{}' last stopped", requeued, settings.nodeId());
        }
        heartbeat.start();
        pool = Executors.newFixedThreadPool(settings.concurrency(), namedThreads());
        running = true;
        dispatcher = new Thread(this::dispatch, "switchboard-dispatcher");
        dispatcher.start();
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> new Thread(runnable, "switchboard-worker-" + count.incrementAndGet());
    }

    /**
     * Stops claiming and waits up to {@code grace} for events in flight. Any still running then go back to pending
     * before their threads are interrupted, so that no event is left processing and none is failed by the
     * interruption; the next run of such an event counts as a retry.
     */
    public synchronized void stop(Duration grace) throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        wake();
        dispatcher.join();
        pool.shutdown();
        if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            int requeued = requeueInFlight();
            LOG.warn("{} event(s) still in flight after {} went back to pending", requeued, grace);
            pool.shutdownNow();
        }
        heartbeat.close();
    }

    private int requeueInFlight() {
        try {
            return store.requeueInterrupted(settings.nodeId());
        } catch (StoreException e) {
            LOG.warn("Cannot re-queue the events in flight now; they will be re-queued when this node starts again: {}",
                    e.getMessage());
            return 0;
        }
    }

    /** Tells the worker there may be new work now. */
    public void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    private void dispatch() {
        while (running) {
            int claimed = 0;
            long now = System.nanoTime();
            inFlight.adjust(now);
            int free = inFlight.free();
            long sinceClaim = now - lastClaimNanos;
            if (free > 0 && free < inFlight.limit() / 4 && sinceClaim < CLAIM_SPACING_NANOS) {
                // let a few more slots come free to share the claim's commit
                LockSupport.parkNanos(CLAIM_SPACING_NANOS - sinceClaim);
                continue;
            }
            try {
                if (free > 0) {
                    lastClaimNanos = now;
                    claimed = handOut(store.claimDue(free, settings.nodeId(), settings.claimLease()));
                }
                claimed += handOutBatches();
            } catch (StoreException e) {
                LOG.warn("Cannot claim events: {}", e.getMessage());
            }
            // a full batch suggests more are waiting; otherwise sleep until woken or the next poll
            if (free == 0 || claimed < free) {
                awaitWakeUp();
            }
        }
    }

    private int handOut(List<ClaimedEvent> events) {
        inFlight.started(events.size());
        for (ClaimedEvent event : events) {
            heartbeat.working(event);
            pool.execute(() -> processThenFreeSlot(event));
        }
        return events.size();
    }

    /**
     * The batches of each batched type that are ready (a full batch due, or one event that has waited
     * {@link #BATCH_LINGER} for others), each in one slot while slots are free. Looked for at most every
     * {@link #BATCH_LOOK_INTERVAL}: the dispatcher runs on every accepted event, and the look is a count over the due
     * events, which need not run a thousand times a second to fill batches that wait seconds anyway. The dispatcher
     * looks at least every poll interval, so an event of such a type waits about the linger plus at most one interval.
     */
    private int handOutBatches() {
        Instant now = Instant.now();
        if (now.isBefore(nextBatchLook)) {
            return 0;
        }
        nextBatchLook = now.plus(BATCH_LOOK_INTERVAL);
        int claimed = 0;
        for (EventType type : EventType.values()) {
            while (type.batched() && inFlight.free() > 0) {
                List<ClaimedEvent> batch = store.batchReady(type, type.batchSize(), BATCH_LINGER)
                        ? store.claimDue(type.batchSize(), settings.nodeId(), settings.claimLease(), type) : List.of();
                if (batch.isEmpty()) {
                    break;
                }
                inFlight.started(1);
                batch.forEach(heartbeat::working);
                pool.execute(() -> processBatchThenFreeSlot(batch));
                claimed += batch.size();
            }
        }
        return claimed;
    }

    private void processBatchThenFreeSlot(List<ClaimedEvent> batch) {
        try {
            routeEvent.processBatch(batch);
        } catch (RuntimeException e) {
            LOG.error("A batch of {} {} event(s) could not be recorded and stays processing until its lease runs out",
                    batch.size(), batch.get(0).type().path(), e);
        } finally {
            batch.forEach(heartbeat::finished);
            inFlight.ended();
            wake();
        }
    }

    private void processThenFreeSlot(ClaimedEvent event) {
        try {
            routeEvent.process(event);
        } catch (RuntimeException e) {
            LOG.error("Event {} could not be recorded and stays processing until its lease runs out", event.id(), e);
        } finally {
            heartbeat.finished(event);
            inFlight.ended();
            wake();
        }
    }

    private void awaitWakeUp() {
        synchronized (wakeUp) {
            try {
                if (!woken && running) {
                    wakeUp.wait(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }
}
