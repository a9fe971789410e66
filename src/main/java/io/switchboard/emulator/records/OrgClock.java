package io.switchboard.emulator.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The org's time: what record stamps, the recycle bin, SOQL date literals, query cursors and the replication
 * windows are measured by. It runs in real time until a test sets it, freezes it (so that many writes share one
 * timestamp) or moves it forward (so that a recycle bin empties or a window closes without waiting).
 */
public final class OrgClock extends Clock {
    private static final State REAL_TIME = new State(null, Duration.ZERO);

    private final Clock system;
    private final AtomicReference<State> state = new AtomicReference<>(REAL_TIME);

    /**
     * @param frozenAt the instant time stands still at, or null while it runs
     * @param offset how far a running clock is ahead of real time (behind when negative)
     */
    private record State(Instant frozenAt, Duration offset) {
    }

    public OrgClock(Clock system) {
        this.system = system;
    }

    @Override
    public Instant instant() {
        State current = state.get();
        return current.frozenAt() != null ? current.frozenAt() : system.instant().plus(current.offset());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone of the same org time, as java.time asks for when it reads local dates. */
    @Override
    public Clock withZone(ZoneId zone) {
        OrgClock org = this;
        return zone.equals(ZoneOffset.UTC) ? this : new Clock() {
            @Override
            public Instant instant() {
                return org.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return org.withZone(other);
            }
        };
    }

    public boolean frozen() {
        return state.get().frozenAt() != null;
    }

    /** Sets the org's time; frozen there, or running on from there. */
    public void set(Instant now, boolean frozen) {
        state.set(frozen ? new State(now, Duration.ZERO) : new State(null, Duration.between(system.instant(), now)));
    }

    /** Freezes time where it stands, or lets it run on from there. */
    public void freeze(boolean frozen) {
        set(instant(), frozen);
    }

    /** Moves the org's time forward, whether it is frozen or running. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward: " + by);
        }
        state.updateAndGet(current -> current.frozenAt() != null
                ? new State(current.frozenAt().plus(by), Duration.ZERO)
                : new State(null, current.offset().plus(by)));
    }

    /** Back to real time. */
    public void reset() {
        state.set(REAL_TIME);
    }
}
