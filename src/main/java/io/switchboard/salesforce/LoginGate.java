package io.switchboard.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's logins: one at a time, shared by every call waiting for it, and while Salesforce refuses the
 * credentials or the flow, one per retry interval and none in between. Salesforce locks a user out after a few
 * failed logins, so a refused login is never repeated on behalf of each waiting event. A login that gets no usable
 * answer (host unreachable, 5xx) is no refusal: the callers get the failure and retry as after any transient one.
 */
public final class LoginGate {
    private static final Logger LOG = LoggerFactory.getLogger(LoginGate.class);

    /** Since when the login is refused, what an operator should check, and when the next login is tried. */
    public record State(Instant since, String diagnosis, Instant nextAttempt) {
    }

    /** How one login ended. */
    public enum Result { OK, REFUSED, FAILED }

    /** What one login came to: logged in, refused with a diagnosis, or failed for a reason worth retrying. */
    record Outcome(Result result, String diagnosis, SalesforceApiException failure) {
        static Outcome loggedIn() {
            return new Outcome(Result.OK, null, null);
        }

        static Outcome refused(String diagnosis) {
            return new Outcome(Result.REFUSED, diagnosis, null);
        }

        static Outcome failed(SalesforceApiException failure) {
            return new Outcome(Result.FAILED, failure.getMessage(), failure);
        }
    }

    /** The connection's session as the gate drives it. */
    interface Session {
        /** The access token calls are sent with, or null before the first login. */
        String token();

        /** Sends one login request and says how it ended; never throws. */
        Outcome logIn();
    }

    private final String connection;
    private final Duration retryInterval;
    private final Clock clock;
    private final Runnable releaseHeld;
    /** Whether a login has been accepted since start; guarded by this. */
    private boolean accepted;
    /** Logins that have ended; a caller that saw fewer before the lock has waited for the latest one. */
    private final AtomicLong ended = new AtomicLong();
    private final Map<Result, AtomicLong> results = new EnumMap<>(Result.class);
    private volatile State state;
    /** The failure of the latest login when it failed transiently, for the callers that waited for it; guarded by this. */
    private SalesforceApiException lastFailure;

    /**
     * @param releaseHeld makes the events held by a refused login due at once; run after an accepted login that may
     *                    end such a hold: the first since start (events held before a restart wait otherwise until
     *                    the attempt they were told of) and the first after a refusal
     */
    LoginGate(String connection, Duration retryInterval, Clock clock, Runnable releaseHeld) {
        this.connection = connection;
        this.retryInterval = retryInterval;
        this.clock = clock;
        this.releaseHeld = releaseHeld;
        for (Result result : Result.values()) {
            results.put(result, new AtomicLong());
        }
    }

    /** The refusal in force, or null while the connection may log in. */
    public State state() {
        return state;
    }

    /** How many logins since start ended this way. */
    public long logins(Result result) {
        return results.get(result).get();
    }

    /** Whether the login is refused and its next attempt has come. */
    boolean retryDue() {
        State current = state;
        return current != null && !clock.instant().isBefore(current.nextAttempt());
    }

    /**
     * Lets a call go ahead with a session, logging in first when there is none yet or the refused login's retry is
     * due. Raises {@link LoginRefusedException} while the login is refused, and the login's own failure when it
     * failed transiently.
     *
     * @param beforeFirstCall whether the caller (an event) has made no Salesforce call yet, so that being held
     *                        costs it no attempt
     */
    void admit(Session session, boolean beforeFirstCall) {
        pass(session, null, beforeFirstCall);
    }

    /**
     * A call was refused with 401 on the session of {@code refusedToken}: logs in again, unless another caller has
     * already done so since, in which case the call simply goes again with the new session. The caller is under way,
     * so a refusal here counts as its attempt.
     */
    void renew(Session session, String refusedToken) {
        pass(session, refusedToken, false);
    }

    private void pass(Session session, String staleToken, boolean beforeFirstCall) {
        State current = state;
        if (current == null && staleToken == null && session.token() != null) {
            return;
        }
        if (current != null && notDue(current)) {
            throw LoginRefusedException.held(current, beforeFirstCall);
        }
        long seen = ended.get();
        synchronized (this) {
            current = state;
            if (current == null) {
                String token = session.token();
                if (token != null && !token.equals(staleToken)) {
                    return;
                }
                if (ended.get() != seen && lastFailure != null) {
                    throw new SalesforceApiException(lastFailure.status(), lastFailure.errorCode(),
                            lastFailure.getMessage(), lastFailure.fields(), lastFailure);
                }
            } else if (notDue(current)) {
                throw LoginRefusedException.held(current, beforeFirstCall);
            }
            logIn(session, beforeFirstCall);
        }
    }

    private boolean notDue(State current) {
        return clock.instant().isBefore(current.nextAttempt());
    }

    /** Called holding the lock: the one login of whoever came first. */
    private void logIn(Session session, boolean beforeFirstCall) {
        Outcome outcome = session.logIn();
        ended.incrementAndGet();
        results.get(outcome.result()).incrementAndGet();
        State before = state;
        Instant now = clock.instant();
        lastFailure = null;
        switch (outcome.result()) {
            case OK -> {
                state = null;
                if (before != null) {
                    LOG.info("Connection '{}' logged in again; its login had been refused since {}, and its waiting "
                            + "events now run", connection, before.since());
                }
                if (before != null || !accepted) {
                    release();
                }
                accepted = true;
            }
            case REFUSED -> {
                State refused = new State(before == null ? now : before.since(), outcome.diagnosis(),
                        now.plus(retryInterval));
                state = refused;
                if (before == null) {
                    LOG.warn("Connection '{}' cannot log in: {} Its events wait, pending; the next login attempt is at "
                            + "{} (one every {}).", connection, refused.diagnosis(), refused.nextAttempt(), retryInterval);
                } else {
                    LOG.warn("Connection '{}': the login is still refused; the next attempt is at {}", connection,
                            refused.nextAttempt());
                }
                throw LoginRefusedException.held(refused, beforeFirstCall);
            }
            case FAILED -> {
                if (before == null) {
                    lastFailure = outcome.failure();
                    throw outcome.failure();
                }
                // no answer says nothing about the credentials: the refusal stands until a login is answered
                State unanswered = new State(before.since(), before.diagnosis(), now.plus(retryInterval));
                state = unanswered;
                LOG.warn("Connection '{}': the retry of its refused login got no answer ({}); the next attempt is at {}",
                        connection, outcome.diagnosis(), unanswered.nextAttempt());
                throw LoginRefusedException.held(unanswered, beforeFirstCall);
            }
        }
    }

    private void release() {
        try {
            releaseHeld.run();
        } catch (RuntimeException e) {
            // the login stands: the held events still run at the attempt they were told of
            LOG.warn("Connection '{}': the events held by its refused login could not be made due now: {}", connection,
                    e.getMessage());
        }
    }
}
