package io.switchboard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {
    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-11-20T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

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
    }

    private final MovingClock clock = new MovingClock();
    private final ConsoleSessions sessions = new ConsoleSessions(clock);

    @Test
    void shouldGiveEachSessionItsOwnUnguessableIdAndCsrfToken() {
        ConsoleSessions.Session one = sessions.start();
        ConsoleSessions.Session two = sessions.start();
        assertNotEquals(one.id(), two.id());
        assertNotEquals(one.csrfToken(), two.csrfToken());
        assertNotEquals(one.id(), one.csrfToken());
        assertTrue(one.id().length() >= 43, "256 random bits: " + one.id());
        assertEquals(one, sessions.find(one.id()).orElseThrow());
        assertTrue(sessions.find("made-up").isEmpty());
        assertTrue(sessions.find(null).isEmpty());
    }

    @Test
    void shouldEndASessionLeftIdleAndOneTooOldEvenInUse() {
        ConsoleSessions.Session idle = sessions.start();
        ConsoleSessions.Session busy = sessions.start();
        for (int i = 0; i < 3; i++) {
            clock.advance(ConsoleSessions.IDLE.minusMinutes(1));
            assertTrue(sessions.find(busy.id()).isPresent());
        }
        assertTrue(sessions.find(idle.id()).isEmpty(), "idle longer than " + ConsoleSessions.IDLE);
        while (sessions.find(busy.id()).isPresent()) {
            clock.advance(ConsoleSessions.IDLE.minusMinutes(1));
        }
        assertTrue(Duration.between(Instant.parse("2026-11-20T10:00:00Z"), clock.instant())
                .compareTo(ConsoleSessions.LONGEST) >= 0, "a session in use lasts until " + ConsoleSessions.LONGEST);
    }

    @Test
    void shouldEndASessionOnSignOutAndKeepNoMoreThanItsLimit() {
        ConsoleSessions.Session session = sessions.start();
        sessions.end(session);
        assertTrue(sessions.find(session.id()).isEmpty());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ConsoleSessions.MOST_SESSIONS + 10; i++) {
            clock.advance(Duration.ofMillis(1));
            ids.add(sessions.start().id());
        }
        long live = ids.stream().filter(id -> sessions.find(id).isPresent()).count();
        assertEquals(ConsoleSessions.MOST_SESSIONS, live);
    }
}
