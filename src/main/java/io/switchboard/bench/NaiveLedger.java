package io.switchboard.bench;

import io.switchboard.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/** What the naive integration finished: each event's type, when it was received, when it ended and whether well. */
final class NaiveLedger {
    /** One finished event. */
    record Entry(EventType type, Instant receivedAt, Instant finishedAt, boolean succeeded) {
    }

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    void succeeded(EventType type, Instant receivedAt) {
        entries.add(new Entry(type, receivedAt, Instant.now(), true));
    }

    void failed(EventType type, Instant receivedAt, RuntimeException failure) {
        entries.add(new Entry(type, receivedAt, Instant.now(), false));
        firstFailure.compareAndSet(null, type.path() + ": " + failure.getMessage());
    }

    /** The first failure seen, for the report: a baseline that fails is no baseline. */
    Optional<String> firstFailure() {
        return Optional.ofNullable(firstFailure.get());
    }

    int count() {
        return entries.size();
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    void clear() {
        entries.clear();
        firstFailure.set(null);
    }
}
