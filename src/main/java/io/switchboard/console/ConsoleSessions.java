package io.switchboard.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's signed-in browsers, in memory: a session ends after {@link #IDLE} without a request, after
 * {@link #LONGEST} in any case, on sign-out, and when the engine restarts. Each session has its own CSRF token, which
 * every state-changing form carries. The session id travels only in an HttpOnly, SameSite=Strict cookie.
 */
public final class ConsoleSessions {
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration LONGEST = Duration.ofHours(8);
    /** Sign-ins beyond this many live sessions end the oldest, so a loop of sign-ins cannot fill the memory. */
    static final int MOST_SESSIONS = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One signed-in browser: its CSRF token, when it signed in and when it was last seen. */
    public static final class Session {
        private final String id;
        private final String csrfToken;
        private final Instant started;
        private volatile Instant lastSeen;

        private Session(String id, String csrfToken, Instant started) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.started = started;
            this.lastSeen = started;
        }

        public String id() {
            return id;
        }

        public String csrfToken() {
            return csrfToken;
        }

        boolean liveAt(Instant now) {
            return now.isBefore(lastSeen.plus(IDLE)) && now.isBefore(started.plus(LONGEST));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    public ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    public Session start() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.liveAt(now));
        while (sessions.size() >= MOST_SESSIONS) {
            sessions.values().stream().min(Comparator.comparing(session -> session.lastSeen))
                    .ifPresent(oldest -> sessions.remove(oldest.id));
        }
        Session session = new Session(randomToken(), randomToken(), now);
        sessions.put(session.id, session);
        return session;
    }

    /** The live session of this id, seen now; empty for an unknown, ended or expired one. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        Instant now = clock.instant();
        if (session == null || !session.liveAt(now)) {
            if (session != null) {
                sessions.remove(id);
            }
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    public void end(Session session) {
        sessions.remove(session.id);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
