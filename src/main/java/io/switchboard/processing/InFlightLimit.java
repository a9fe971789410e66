package io.switchboard.processing;

import io.switchboard.salesforce.CallsInFlight;
import java.time.Duration;

/**
 * How many events the worker runs at once, sized by how Salesforce answers. An event spends most of its time waiting
 * for answers, so the events that keep an org busy are about the rate wanted times the answer time: 8 at once are
 * plenty when Salesforce answers in 5 ms and far too few at the 100–300 ms real orgs take. The limit follows the
 * answers, in the manner of TCP Vegas: while the calls answered in a span take about as long as the fastest seen
 * lately, more events at once would only be answered as fast, so while every slot is taken the limit grows; once they
 * take longer, the extra time is calls waiting in a queue somewhere (Salesforce's, or this machine's cores), and the
 * limit shrinks to what the slower pace keeps busy. It stays between {@link #FLOOR} (or the ceiling, if lower) and the configured
 * {@code SWITCHBOARD_WORKER_CONCURRENCY}.
 *
 * <p>Salesforce limits an org to 25 calls at once that have run 20 s or longer (5 in a Developer Edition), and
 * refuses the next with REQUEST_LIMIT_EXCEEDED; shorter calls have no such limit. While {@link #LONG_RUNNING_MAX} calls
 * run that long, no further event starts. The daily allowance is the API pause's ({@code SWITCHBOARD_API_PAUSE_SHARE}):
 * events of a paused connection are held before their first call and take no slot.
 *
 * <p>Used by the worker's dispatcher (which asks {@link #free} and {@link #adjust}) and its threads (which
 * {@link #ended} events); thread-safe.
 */
final class InFlightLimit {
    /** Never fewer at once than this (the engine's fixed number before the limit followed Salesforce). */
    static final int FLOOR = 8;
    /** No new event starts while this many calls have run {@link CallsInFlight#LONG_RUNNING} or longer. */
    static final int LONG_RUNNING_MAX = 20;
    /** How often the limit moves, at most: each span's answers are one measurement. */
    static final Duration SPAN = Duration.ofMillis(100);
    /** A span with fewer answers than this says too little to move the limit on. */
    static final int MIN_ANSWERS = 5;
    /** The fastest mean answer time is the one seen within this long, so that it follows a slower org in time. */
    static final Duration BASELINE_MEMORY = Duration.ofSeconds(30);

    private final CallsInFlight calls;
    private final int ceiling;
    private final int floor;
    private int limit;
    private int running;
    /** The most events running at once in the current span: the limit grows only if it held events back. */
    private int peak;
    private long spanStart;
    private long baselineNanos = Long.MAX_VALUE;
    private long previousBaselineNanos = Long.MAX_VALUE;
    private long baselineSince;

    InFlightLimit(CallsInFlight calls, int ceiling, long nowNanos) {
        this.calls = calls;
        this.ceiling = ceiling;
        this.floor = Math.min(FLOOR, ceiling);
        this.limit = floor;
        this.spanStart = nowNanos;
        this.baselineSince = nowNanos;
    }

    /** How many more events may start now. */
    synchronized int free() {
        if (calls.longRunning() >= LONG_RUNNING_MAX) {
            return 0;
        }
        return Math.max(0, limit - running);
    }

    /** Events handed to the worker's threads. */
    synchronized void started(int events) {
        running += events;
        peak = Math.max(peak, running);
    }

    /** One event (or one batch) has ended. */
    synchronized void ended() {
        running--;
    }

    synchronized int limit() {
        return limit;
    }

    synchronized int running() {
        return running;
    }

    int ceiling() {
        return ceiling;
    }

    /** At most once a {@link #SPAN}: moves the limit by the answers that came back in the span just ended. */
    synchronized void adjust(long nowNanos) {
        if (nowNanos - spanStart < SPAN.toNanos()) {
            return;
        }
        CallsInFlight.Answered answered = calls.drainAnswered();
        boolean heldBack = peak >= limit;
        spanStart = nowNanos;
        peak = running;
        if (answered.count() < MIN_ANSWERS) {
            return;
        }
        long fastest = rememberFastest(answered.meanNanos(), nowNanos);
        // the events whose calls wait in a queue rather than being answered: limit x (1 - fastest / now)
        double queued = limit * (1.0 - (double) fastest / Math.max(1, answered.meanNanos()));
        double log = Math.max(1.0, Math.log10(limit));
        if (queued > 6 * log) {
            // as many as the answers' pace keeps busy without the queue, plus the little queue allowed
            int paced = (int) (limit * (double) fastest / answered.meanNanos() + 3 * log);
            limit = Math.max(floor, Math.min(limit - 1, paced));
        } else if (queued < 3 * log && heldBack) {
            limit = Math.min(ceiling, limit + Math.max(1, limit / 8));
        }
    }

    /** The fastest span mean within the last {@link #BASELINE_MEMORY} or so (two memories, swapped in turn). */
    private long rememberFastest(long meanNanos, long nowNanos) {
        if (nowNanos - baselineSince >= BASELINE_MEMORY.toNanos()) {
            previousBaselineNanos = baselineNanos;
            baselineNanos = Long.MAX_VALUE;
            baselineSince = nowNanos;
        }
        baselineNanos = Math.min(baselineNanos, meanNanos);
        return Math.min(baselineNanos, previousBaselineNanos);
    }
}
