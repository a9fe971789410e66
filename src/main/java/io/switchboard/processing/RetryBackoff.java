package io.switchboard.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a transiently failed event again: the initial delay doubled per attempt up to the maximum, then
 * shortened by a random part of up to half, so that events failed together by one outage do not return together.
 */
final class RetryBackoff {
    private final Duration initial;
    private final Duration max;

    RetryBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The delay after the given attempt (1 for the first), before jitter. */
    Duration delayAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = initial.toMillis() * (1L << doublings);
        return millis > max.toMillis() || millis <= 0 ? max : Duration.ofMillis(millis);
    }

    Instant nextAttempt(int attempt) {
        long delay = delayAfter(attempt).toMillis();
        long jitter = ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        return Instant.now().plusMillis(delay - jitter);
    }
}
