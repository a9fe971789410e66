package io.switchboard.salesforce;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;

/**
 * The engine's calls to Salesforce as they go out and come back, over every connection: how many are under way, how
 * many of those have run {@link #LONG_RUNNING} or longer (Salesforce lets an org have 25 of those at once, 5 in a
 * Developer Edition, and refuses the next with REQUEST_LIMIT_EXCEEDED; shorter calls have no such limit), and the
 * mean time of the calls answered since it was last asked. The worker sizes how many events it runs at once by these.
 */
public final class CallsInFlight {
    /** Salesforce counts a call towards its concurrent limit once it has run this long. */
    public static final Duration LONG_RUNNING = Duration.ofSeconds(20);

    private final LongSupplier nanoClock;
    private final AtomicLong nextId = new AtomicLong();
    /** Start time (nanos) by call id, of the calls not yet answered. */
    private final Map<Long, Long> started = new ConcurrentHashMap<>();
    /** Guards the two sums below, which are read and reset together so that a mean never mixes two spans. */
    private final Object answeredLock = new Object();
    private long answered;
    private long answeredNanos;

    public CallsInFlight() {
        this(System::nanoTime);
    }

    public CallsInFlight(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The exchange's call, from {@link #startedFor} to {@link #endedFor}. */
    private static final String CALL_ID = "switchboardCallInFlight";

    /** The exchange's call goes out now. */
    void startedFor(Exchange exchange) {
        exchange.setProperty(CALL_ID, started());
    }

    /** The exchange's call has ended, if it went out at all. */
    void endedFor(Exchange exchange) {
        if (exchange.removeProperty(CALL_ID) instanceof Long id) {
            ended(id);
        }
    }

    /** A call goes out now; answers the id that {@link #ended} takes. */
    public long started() {
        long id = nextId.incrementAndGet();
        started.put(id, nanoClock.getAsLong());
        return id;
    }

    /** The call came back, answered or failed: its time counts towards the mean. */
    public void ended(long id) {
        Long since = started.remove(id);
        if (since != null) {
            long took = nanoClock.getAsLong() - since;
            synchronized (answeredLock) {
                answeredNanos += took;
                answered++;
            }
        }
    }

    /** Calls under way now. */
    public int underWay() {
        return started.size();
    }

    /** Calls under way that have run {@link #LONG_RUNNING} or longer. */
    public int longRunning() {
        long threshold = nanoClock.getAsLong() - LONG_RUNNING.toNanos();
        return (int) started.values().stream().filter(since -> since <= threshold).count();
    }

    /**
     * The calls that came back since the last time this was asked, and their mean time; asked by one reader (the
     * worker's dispatcher), so two readers would each see part of the calls.
     */
    public Answered drainAnswered() {
        synchronized (answeredLock) {
            Answered span = new Answered(answered, answered == 0 ? 0 : answeredNanos / answered);
            answered = 0;
            answeredNanos = 0;
            return span;
        }
    }

    /** How many calls came back in a span, and their mean time in nanoseconds. */
    public record Answered(long count, long meanNanos) {
    }
}
