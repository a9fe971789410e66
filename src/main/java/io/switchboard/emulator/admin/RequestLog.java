package io.switchboard.emulator.admin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The recent client requests and a counter per endpoint, so tests can see what a client really sent. */
public final class RequestLog {
    private static final int KEPT = 10_000;

    private final Deque<RequestLogEntry> entries = new ArrayDeque<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    /** @param endpoint the counter key, such as {@code POST /sobjects/{type}} */
    public void record(RequestLogEntry entry, String endpoint) {
        synchronized (entries) {
            if (entries.size() == KEPT) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        counters.computeIfAbsent(endpoint, key -> new AtomicLong()).incrementAndGet();
    }

    public List<RequestLogEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    public Map<String, Long> counters() {
        Map<String, Long> snapshot = new TreeMap<>();
        counters.forEach((endpoint, count) -> snapshot.put(endpoint, count.get()));
        return snapshot;
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
        counters.clear();
    }
}
