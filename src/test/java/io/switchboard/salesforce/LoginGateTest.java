package io.switchboard.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The login gate on a clock moved by hand: one login at a time, and one per interval while refused. */
class LoginGateTest {
    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final String DIAGNOSIS = "Login for connection 'default' at https://login.salesforce.com with the "
            + "USERNAME_PASSWORD flow failed: Login error code:[invalid_grant] description:[authentication failure].";

    private final MutableClock clock = new MutableClock(START);
    private final AtomicInteger releases = new AtomicInteger();
    private final LoginGate gate = new LoginGate("default", INTERVAL, clock, releases::incrementAndGet);
    /** Answers logins in the order given, the last one again once the others are used up. */
    private static final class ScriptedSession implements LoginGate.Session {
        private final List<LoginGate.Outcome> answers;
        private final AtomicInteger logins = new AtomicInteger();
        private final CountDownLatch answer;
        private volatile String token;

        ScriptedSession(String token, CountDownLatch answer, LoginGate.Outcome... answers) {
            this.token = token;
            this.answer = answer;
            this.answers = List.of(answers);
        }

        ScriptedSession(LoginGate.Outcome... answers) {
            this(null, new CountDownLatch(0), answers);
        }

        @Override
        public String token() {
            return token;
        }

        @Override
        public LoginGate.Outcome logIn() {
            int login = logins.incrementAndGet();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LoginGate.Outcome outcome = answers.get(Math.min(login, answers.size()) - 1);
            if (outcome.result() == LoginGate.Result.OK) {
                token = "token-" + login;
            }
            return outcome;
        }

        int logins() {
            return logins.get();
        }
    }

    private static LoginGate.Outcome refused() {
        return LoginGate.Outcome.refused(DIAGNOSIS);
    }

    private static LoginGate.Outcome unreachable() {
        return LoginGate.Outcome.failed(new SalesforceApiException(0, "LOGIN_FAILED", "Login for connection 'default' "
                + "at https://login.salesforce.com with the USERNAME_PASSWORD flow failed: the host cannot be reached "
                + "(ConnectException).", List.of(), null));
    }

    private LoginRefusedException held(ScriptedSession session) {
        return assertThrows(LoginRefusedException.class, () -> gate.admit(session, true));
    }

    /**
     * Callers on threads of their own, so that a test can wait until all but the one logging in are queued at the
     * gate's lock, and then let the login answer.
     */
    private static final class Callers {
        private final List<Thread> threads = new ArrayList<>();
        private final List<Throwable> outcomes = Collections.synchronizedList(new ArrayList<>());

        Callers(int count, Runnable call) {
            for (int i = 0; i < count; i++) {
                threads.add(new Thread(() -> {
                    try {
                        call.run();
                        outcomes.add(null);
                    } catch (RuntimeException e) {
                        outcomes.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
        }

        /** Returns once one caller is inside its login and every other one waits at the gate's lock. */
        void awaitQueuedBehind(ScriptedSession session) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (session.logins() == 0 || threads.stream().filter(t -> t.getState() == Thread.State.BLOCKED).count()
                    < threads.size() - 1) {
                assertTrue(System.nanoTime() < deadline, "the callers did not queue at the gate");
                Thread.sleep(1);
            }
        }

        List<Throwable> outcomes() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join(5000);
                assertFalse(thread.isAlive(), "a caller did not finish");
            }
            return outcomes;
        }
    }

    @Test
    void shouldLogInOnceForConcurrentFirstCallsWhichAllGoOnWithThatSession() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        ScriptedSession session = new ScriptedSession(null, answer, LoginGate.Outcome.loggedIn());

        Callers callers = new Callers(8, () -> gate.admit(session, true));
        callers.awaitQueuedBehind(session);
        answer.countDown();

        callers.outcomes().forEach(outcome -> assertNull(outcome, String.valueOf(outcome)));
        assertEquals(1, session.logins());
        assertEquals(1, gate.logins(LoginGate.Result.OK));
        gate.admit(session, true);
        assertEquals(1, session.logins(), "a session in place needs no login");
        assertEquals(1, releases.get(), "the first login releases what a run before the restart held");
    }

    @Test
    void shouldHoldEveryCallWithoutALoginUntilTheIntervalHasPassedThenTryExactlyOnce() {
        ScriptedSession session = new ScriptedSession(refused());

        LoginRefusedException first = held(session);
        assertEquals(1, session.logins());
        assertEquals(new LoginGate.State(START, DIAGNOSIS, START.plus(INTERVAL)), gate.state());
        assertEquals(LoginRefusedException.CODE, first.holdCode());
        assertEquals(DIAGNOSIS, first.holdReason());
        assertEquals(START.plus(INTERVAL), first.dueAt());
        assertTrue(first.heldBeforeFirstCall());
        assertEquals(503, first.status());
        assertFalse(first.transientFailure());

        clock.advance(Duration.ofMillis(1));
        held(session);
        clock.advance(INTERVAL.minusMillis(2));
        held(session);
        assertThrows(LoginRefusedException.class, () -> gate.renew(session, null));
        assertFalse(gate.retryDue());
        assertEquals(1, session.logins(), "no login before the interval has passed");

        clock.advance(Duration.ofMillis(1));
        assertTrue(gate.retryDue());
        LoginRefusedException again = held(session);
        held(session);
        assertEquals(2, session.logins(), "exactly one login when the retry is due");
        assertEquals(new LoginGate.State(START, DIAGNOSIS, START.plus(INTERVAL).plus(INTERVAL)), gate.state(),
                "refused since the first refusal; the next attempt one interval after this one");
        assertEquals(START.plus(INTERVAL).plus(INTERVAL), again.dueAt());
        assertEquals(2, gate.logins(LoginGate.Result.REFUSED));
    }

    @Test
    void shouldLetEveryCallThroughOnceTheDueRetryIsAccepted() {
        ScriptedSession session = new ScriptedSession(refused(), LoginGate.Outcome.loggedIn());
        held(session);
        clock.advance(INTERVAL);

        gate.admit(session, true);
        gate.admit(session, false);

        assertNull(gate.state());
        assertEquals(2, session.logins());
        assertEquals("token-2", session.token());
    }

    @Test
    void shouldReleaseTheHeldEventsOnlyAfterALoginThatMayEndTheirHold() {
        ScriptedSession session = new ScriptedSession(LoginGate.Outcome.loggedIn(), LoginGate.Outcome.loggedIn(),
                refused(), LoginGate.Outcome.loggedIn());
        gate.admit(session, true);
        assertEquals(1, releases.get(), "the first login since start");
        gate.renew(session, "token-1");
        assertEquals(1, releases.get(), "a renewed session ends no hold");
        assertThrows(LoginRefusedException.class, () -> gate.renew(session, "token-2"));
        assertEquals(1, releases.get());

        clock.advance(INTERVAL);
        gate.admit(session, true);

        assertEquals(2, releases.get(), "the first login accepted after a refusal");
        assertEquals(4, session.logins());
    }

    @Test
    void shouldShareARefusalWithTheCallsThatWaitedForItsAnswer() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        ScriptedSession session = new ScriptedSession(null, answer, refused());

        Callers callers = new Callers(8, () -> gate.admit(session, true));
        callers.awaitQueuedBehind(session);
        answer.countDown();

        callers.outcomes().forEach(outcome -> assertInstanceOf(LoginRefusedException.class, outcome));
        assertEquals(1, session.logins(), "the callers that waited got the refusal, not a login of their own");
    }

    @Test
    void shouldPassOnALoginWithoutAnswerAsATransientFailureToTheCallsThatWaitedAndTryAgainAfter() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        ScriptedSession session = new ScriptedSession(null, answer, unreachable(), LoginGate.Outcome.loggedIn());

        Callers callers = new Callers(8, () -> gate.admit(session, true));
        callers.awaitQueuedBehind(session);
        answer.countDown();

        for (Throwable outcome : callers.outcomes()) {
            SalesforceApiException failure = assertInstanceOf(SalesforceApiException.class, outcome);
            assertFalse(failure instanceof LoginRefusedException, "no answer is no refusal: " + failure);
            assertTrue(failure.transientFailure(), failure.toString());
            assertEquals("LOGIN_FAILED", failure.errorCode());
        }
        assertEquals(1, session.logins());
        assertNull(gate.state(), "nothing is held after a login without answer");

        gate.admit(session, true);
        assertEquals(2, session.logins(), "the next call tries again at once, as after any transient failure");
        assertEquals(1, gate.logins(LoginGate.Result.FAILED));
    }

    @Test
    void shouldStayRefusedWhenTheRetryGetsNoAnswer() {
        ScriptedSession session = new ScriptedSession(refused(), unreachable());
        held(session);
        clock.advance(INTERVAL);

        held(session);

        assertEquals(2, session.logins());
        assertEquals(new LoginGate.State(START, DIAGNOSIS, START.plus(INTERVAL).plus(INTERVAL)), gate.state());
    }

    @Test
    void shouldRenewAnExpiredSessionOnceForAllTheCallsRefusedWithIt() {
        ScriptedSession session = new ScriptedSession("token-0", new CountDownLatch(0), LoginGate.Outcome.loggedIn());

        gate.renew(session, "token-0");
        gate.renew(session, "token-0");

        assertEquals(1, session.logins(), "the second call was refused with the session already renewed");
        assertEquals("token-1", session.token());
        gate.renew(session, "token-1");
        assertEquals(2, session.logins());
    }

    @Test
    void shouldCountARenewalRefusedMidEventAsTheEventsAttempt() {
        ScriptedSession session = new ScriptedSession("token-0", new CountDownLatch(0), refused());

        LoginRefusedException refusal = assertThrows(LoginRefusedException.class, () -> gate.renew(session, "token-0"));

        assertFalse(refusal.heldBeforeFirstCall(), "the event was under way and may have written");
        assertFalse(assertThrows(LoginRefusedException.class, () -> gate.admit(session, false)).heldBeforeFirstCall());
        assertTrue(held(session).heldBeforeFirstCall());
        assertEquals(1, session.logins());
    }
}
