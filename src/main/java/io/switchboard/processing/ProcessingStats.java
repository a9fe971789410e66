package io.switchboard.processing;

import io.switchboard.events.EventType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What this node's worker did: the time from acceptance to the final status (done, skipped or failed) per event type,
 * kept as a Prometheus-style histogram (cumulative counts per upper bound, plus count and sum), and its attempts by
 * how they ended.
 */
public final class ProcessingStats {
    /** Upper bounds in seconds; wide enough to hold a 150 ms Salesforce round trip and retries after outages. */
    public static final double[] BOUNDS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

    /** One type's histogram; bucket i counts events that took at most BOUNDS[i] seconds. */
    public static final class Histogram {
        private final LongAdder[] buckets = new LongAdder[BOUNDS.length];
        private final LongAdder count = new LongAdder();
        private final LongAdder micros = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void record(Duration elapsed) {
            double seconds = elapsed.toNanos() / 1e9;
            for (int i = 0; i < BOUNDS.length; i++) {
                if (seconds <= BOUNDS[i]) {
                    buckets[i].increment();
                }
            }
            count.increment();
            micros.add(elapsed.toNanos() / 1_000);
        }

        public long bucket(int index) {
            return buckets[index].sum();
        }

        public long count() {
            return count.sum();
        }

        public double sumSeconds() {
            return micros.sum() / 1e6;
        }
    }

    private final Map<EventType, Histogram> byType = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();

    void record(EventType type, Duration acceptToEnd) {
        byType.computeIfAbsent(type, unused -> new Histogram()).record(acceptToEnd);
    }

    public Map<EventType, Histogram> byType() {
        return Map.copyOf(byType);
    }

    /** An attempt on this node ended so: done, skipped, failed, retried, held or abandoned (taken over). */
    void attemptEnded(String outcome) {
        attempts.computeIfAbsent(outcome, unused -> new LongAdder()).increment();
    }

    /** Attempts ended on this node by outcome; outcomes that never happened are absent. */
    public Map<String, Long> attemptsByOutcome() {
        Map<String, Long> counts = new TreeMap<>();
        attempts.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        return counts;
    }

    /** The worker's limit on events at once, once it runs. */
    private volatile InFlightLimit workerLimit;

    void workerLimit(InFlightLimit limit) {
        this.workerLimit = limit;
    }

    /** What the worker runs at once now: its limit, the events running and its ceiling; empty before it starts. */
    public Optional<InFlight> inFlight() {
        InFlightLimit limit = workerLimit;
        return limit == null ? Optional.empty() : Optional.of(new InFlight(limit.limit(), limit.running(), limit.ceiling()));
    }

    /** The worker's limit on events at once, the events (or batches) running, and the configured ceiling. */
    public record InFlight(int limit, int running, int ceiling) {
    }
}
