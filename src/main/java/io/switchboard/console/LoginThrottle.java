package io.switchboard.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing the token on the login page: after {@link #FREE_ATTEMPTS} wrong tokens from one address, that
 * address must wait before its next attempt, twice as long after each further wrong one, up to {@link #LONGEST_WAIT}.
 * A right token clears its address. Attempts during a wait are not even checked, so a guess costs the wait.
 */
public final class LoginThrottle {
    static final int FREE_ATTEMPTS = 3;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    /** Addresses remembered at most; beyond it the ones whose wait has ended are forgotten first. */
    private static final int MOST_ADDRESSES = 10_000;

    private record Failures(int count, Instant waitUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the address must still wait before it may try again; empty when it may try now. */
    public Optional<Duration> waitFor(String address) {
        Failures seen = failures.get(address);
        Instant now = clock.instant();
        if (seen == null || !now.isBefore(seen.waitUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, seen.waitUntil()));
    }

    public void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() >= MOST_ADDRESSES) {
            failures.values().removeIf(seen -> !now.isBefore(seen.waitUntil()));
            if (failures.size() >= MOST_ADDRESSES) {
                failures.clear();
            }
        }
        failures.compute(address, (key, seen) -> {
            int count = seen == null ? 1 : seen.count() + 1;
            return new Failures(count, count <= FREE_ATTEMPTS ? now : now.plus(wait(count - FREE_ATTEMPTS)));
        });
    }

    public void succeeded(String address) {
        failures.remove(address);
    }

    private static Duration wait(int beyondFree) {
        long seconds = FIRST_WAIT.getSeconds() << Math.min(beyondFree - 1, 16);
        return seconds >= LONGEST_WAIT.getSeconds() ? LONGEST_WAIT : Duration.ofSeconds(seconds);
    }
}
