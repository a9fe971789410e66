package io.switchboard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-11-20T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    });

    @Test
    void shouldMakeAnAddressWaitLongerAfterEachWrongTokenBeyondTheFirstFew() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            throttle.failed("10.0.0.1");
            assertEquals(Optional.empty(), throttle.waitFor("10.0.0.1"), "attempt " + (i + 1) + " is free");
        }
        throttle.failed("10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.waitFor("10.0.0.1"));
        now = now.plusSeconds(1);
        throttle.failed("10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.waitFor("10.0.0.1"));
        for (int i = 0; i < 20; i++) {
            throttle.failed("10.0.0.1");
        }
        assertEquals(Optional.of(LoginThrottle.LONGEST_WAIT), throttle.waitFor("10.0.0.1"));
        assertEquals(Optional.empty(), throttle.waitFor("10.0.0.2"), "another address is not held back");
    }

    @Test
    void shouldClearAnAddressOnTheRightToken() {
        for (int i = 0; i <= LoginThrottle.FREE_ATTEMPTS; i++) {
            throttle.failed("10.0.0.1");
        }
        assertTrue(throttle.waitFor("10.0.0.1").isPresent());
        throttle.succeeded("10.0.0.1");
        assertEquals(Optional.empty(), throttle.waitFor("10.0.0.1"));
        throttle.failed("10.0.0.1");
        assertEquals(Optional.empty(), throttle.waitFor("10.0.0.1"), "counting starts again");
    }
}
