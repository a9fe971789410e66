package io.switchboard.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void shouldDoubleTheDelayPerAttemptUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(1), backoff.delayAfter(1));
        assertEquals(Duration.ofSeconds(2), backoff.delayAfter(2));
        assertEquals(Duration.ofSeconds(4), backoff.delayAfter(3));
        assertEquals(Duration.ofSeconds(256), backoff.delayAfter(9));
        assertEquals(Duration.ofMinutes(5), backoff.delayAfter(10));
        assertEquals(Duration.ofMinutes(5), backoff.delayAfter(1000));
    }

    @Test
    void shouldSpreadRetriesOverTheUpperHalfOfTheDelay() {
        for (int i = 0; i < 200; i++) {
            Instant before = Instant.now();
            Instant next = backoff.nextAttempt(3);
            Duration wait = Duration.between(before, next);
            assertTrue(wait.compareTo(Duration.ofMillis(1990)) >= 0 && wait.compareTo(Duration.ofMillis(4010)) <= 0, wait.toString());
        }
    }
}
