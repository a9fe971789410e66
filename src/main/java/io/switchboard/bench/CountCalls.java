package io.switchboard.bench;

import io.switchboard.store.EventStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The calls scenario: each kind of event alone, first once to warm the engine's caches (users, describes), then
 * a few more whose API calls the emulator counts; the baseline gets the same events.
 */
final class CountCalls {
    private static final int EVENTS = 5;
    private static final int RATE = 50;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final BenchRig rig;
    private final BenchEvents events;
    private long next = 20_000_000L;

    CountCalls(BenchRig rig, BenchEvents events) {
        this.rig = rig;
        this.events = events;
    }

    Map<String, CallCount> count() throws InterruptedException {
        rig.resetOrg(0);
        Map<String, CallCount> counts = new LinkedHashMap<>();
        add(counts, "conversation-closed, 20 messages", 2, n -> events.conversation(sameCustomer(n), 20));
        add(counts, "conversation-closed, 200 messages", 3, n -> events.conversation(sameCustomer(n), 200));
        add(counts, "call, answered, to a Task", 1, n -> events.call(sameCustomer(n)));
        add(counts, "referral-status-changed", 1, events::referral);
        add(counts, "case-acknowledged", 1, events::caseAcknowledged);
        return counts;
    }

    /** Every event of a kind is from the same customer, whose Contact the warm-up event has made or found. */
    private static long sameCustomer(long n) {
        return n * BenchEvents.CUSTOMERS;
    }

    private void add(Map<String, CallCount> counts, String kind, double target, LongFunction<BenchEvent> make)
            throws InterruptedException {
        long first = next;
        next += EVENTS + 1;
        rig.load().drive("/events/", RATE, 1, n -> make.apply(first));
        AwaitFinished.engine(rig.engine().store(), PATIENCE);
        rig.emulator().clearRequests();
        long failedBefore = failed();
        rig.load().drive("/events/", RATE, EVENTS, n -> make.apply(first + 1 + n));
        AwaitFinished.engine(rig.engine().store(), PATIENCE);
        Map<String, Long> engineCounters = rig.emulator().counters();
        long failed = failed() - failedBefore;

        rig.emulator().clearRequests();
        rig.naive().clear();
        OpenLoopLoad.LoadResult naive = rig.load().drive(NaiveIntegration.PATH, RATE, EVENTS, n -> make.apply(first + 1 + n));
        AwaitFinished.naive(rig.naive(), naive.accepted(), PATIENCE);
        long naiveCalls = ApiCalls.total(rig.emulator().counters());

        Map<String, Double> endpoints = new TreeMap<>();
        ApiCalls.apiEndpoints(engineCounters).forEach((endpoint, calls) -> endpoints.put(endpoint, (double) calls / EVENTS));
        counts.put(kind, new CallCount(kind, (double) ApiCalls.total(engineCounters) / EVENTS,
                (double) naiveCalls / EVENTS, target, endpoints, failed + rig.naive().entries().stream()
                .filter(entry -> !entry.succeeded()).count()));
    }

    private long failed() {
        return rig.engine().store().countsByStatus().get(EventStatus.FAILED);
    }
}
