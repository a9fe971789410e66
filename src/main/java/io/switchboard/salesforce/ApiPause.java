package io.switchboard.salesforce;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection's events while its org's daily API allowance is spent or nearly so: after Salesforce
 * answered REQUEST_LIMIT_EXCEEDED, or once the usage it reports in {@code Sforce-Limit-Info} is above the
 * configured share. Events that have not yet called the connection wait; those already under way finish (the
 * share leaves them room). One probe per interval, made by the first event that comes due, ends the pause once
 * usage is below the share again.
 */
public final class ApiPause {
    private static final Logger LOG = LoggerFactory.getLogger(ApiPause.class);

    /** Why and since when the connection is paused, and when it is probed next. */
    public record State(Instant since, String reason, Instant nextProbe) {
    }

    /** The probe: one call that answers the org's current usage. */
    @FunctionalInterface
    interface Probe {
        Usage usage();
    }

    /** Daily API requests used out of the allowance. */
    record Usage(long used, long max) {
        @Override
        public String toString() {
            return used + "/" + max;
        }
    }

    private final String connection;
    private final ApiPauseSettings settings;
    private final Clock clock;
    private final AtomicLong pauses = new AtomicLong();
    private final AtomicReference<State> state = new AtomicReference<>();
    /**
     * Held only while one caller makes the due probe. Answers are recorded without it: they arrive on the HTTP
     * client's threads, which must never wait for a caller that is itself waiting for an answer.
     */
    private final Object probing = new Object();

    ApiPause(String connection, ApiPauseSettings settings, Clock clock) {
        this.connection = connection;
        this.settings = settings;
        this.clock = clock;
    }

    /** The pause in force, or null while traffic flows. */
    public State state() {
        return state.get();
    }

    /** How many times traffic has paused since start. */
    public long pauses() {
        return pauses.get();
    }

    /**
     * Lets an event call the connection, or raises {@link ConnectionPausedException}. When a probe is due it is
     * made here, once: concurrent callers wait for its answer rather than probing again.
     */
    void admit(Probe probe) {
        if (state.get() == null) {
            return;
        }
        synchronized (probing) {
            State current = state.get();
            if (current != null && !clock.instant().isBefore(current.nextProbe())) {
                probeNow(probe, current);
            }
        }
        State current = state.get();
        if (current != null) {
            throw ConnectionPausedException.held(connection, current);
        }
    }

    private void probeNow(Probe probe, State current) {
        State next;
        try {
            Usage usage = probe.usage();
            if (!settings.above(usage.used(), usage.max())) {
                state.set(null);
                LOG.info("Connection '{}' resumes: daily API usage {} is within {}% of the allowance", connection, usage,
                        percent());
                return;
            }
            next = new State(current.since(), overShare(usage), nextProbe());
        } catch (SalesforceApiException e) {
            next = new State(current.since(), current.reason(), nextProbe());
        }
        state.set(next);
        LOG.info("Connection '{}' stays paused ({}); next check at {}", connection, next.reason(), next.nextProbe());
    }

    /** Salesforce refused a call for the allowance: pauses the connection and answers the exception to raise. */
    ConnectionPausedException refused(SalesforceApiException refusal) {
        return ConnectionPausedException.refused(connection, refusal,
                pause("Salesforce answered " + refusal.errorCode() + ": " + refusal.getMessage()));
    }

    /** An answer reported this usage: above the share, the connection pauses. */
    void observe(long used, long max) {
        if (state.get() == null && settings.above(used, max)) {
            pause(overShare(new Usage(used, max)));
        }
    }

    private State pause(String reason) {
        State[] before = new State[1];
        State next = state.updateAndGet(current -> {
            before[0] = current;
            return new State(current == null ? clock.instant() : current.since(), reason, nextProbe());
        });
        if (before[0] == null) {
            pauses.incrementAndGet();
            LOG.warn("Connection '{}' paused: {}; its events wait, pending, and the next check is at {}", connection,
                    reason, next.nextProbe());
        }
        return next;
    }

    private String overShare(Usage usage) {
        return "daily API usage " + usage + " is above " + percent() + "% of the allowance";
    }

    private String percent() {
        return String.valueOf(Math.round(settings.share() * 1000) / 10.0).replaceAll("\\.0$", "");
    }

    private Instant nextProbe() {
        return clock.instant().plus(settings.probeInterval());
    }
}
