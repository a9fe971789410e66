package io.switchboard.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.salesforce.CallsInFlight;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The worker's limit on events at once follows Salesforce's answer times: it grows while every slot is taken and the
 * answers come back as fast as the fastest lately, shrinks once they queue, stays within its floor and ceiling, and
 * lets nothing start while 20 calls have run 20 s. Driven by the real {@link CallsInFlight} on a clock of the test's.
 */
class InFlightLimitTest {
    private static final long SPAN = InFlightLimit.SPAN.toNanos();

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final CallsInFlight calls = new CallsInFlight(clock::get);

    @Test
    void shouldStartAtEightAndGrowTowardsTheCeilingWhileAnswersStayAsFastAndEverySlotIsTaken() {
        InFlightLimit limit = new InFlightLimit(calls, 64, clock.get());
        assertEquals(8, limit.free());
        for (int span = 0; span < 40; span++) {
            fillEverySlot(limit);
            answerThenEndSpan(limit, 20, Duration.ofMillis(150));
            endAll(limit);
        }
        assertEquals(64, limit.limit(), "150 ms answers throughout: nothing queues, so the limit reaches the ceiling");
    }

    @Test
    void shouldNotGrowWhileSlotsStayFree() {
        InFlightLimit limit = new InFlightLimit(calls, 64, clock.get());
        for (int span = 0; span < 40; span++) {
            limit.started(2);
            answerThenEndSpan(limit, 20, Duration.ofMillis(150));
            limit.ended();
            limit.ended();
        }
        assertEquals(8, limit.limit(), "two events at a time never met the limit of 8: no reason to raise it");
    }

    @Test
    void shouldShrinkOnceAnswersQueueButNeverBelowTheFloor() {
        InFlightLimit limit = new InFlightLimit(calls, 64, clock.get());
        for (int span = 0; span < 40; span++) {
            fillEverySlot(limit);
            answerThenEndSpan(limit, 20, Duration.ofMillis(150));
            endAll(limit);
        }
        assertEquals(64, limit.limit());
        fillEverySlot(limit);
        answerThenEndSpan(limit, 20, Duration.ofMillis(300));
        assertTrue(limit.limit() < 64, "answers twice as slow as the fastest: calls queue, the limit comes down");
        for (int span = 0; span < 4; span++) {
            answerThenEndSpan(limit, 5, Duration.ofMillis(300));
        }
        assertTrue(limit.limit() <= 16, "at half the pace, about half the events keep it busy; got " + limit.limit());
        for (int span = 0; span < 4; span++) {
            answerThenEndSpan(limit, 5, Duration.ofMillis(1500));
        }
        assertEquals(InFlightLimit.FLOOR, limit.limit(), "answers ten times as slow bring it down to the floor, not below");
        assertEquals(0, limit.free(), "the events already running above the new limit finish before any other starts");
        endAll(limit);
        assertEquals(InFlightLimit.FLOOR, limit.free());
    }

    @Test
    void shouldKeepWithinALowCeiling() {
        InFlightLimit limit = new InFlightLimit(calls, 3, clock.get());
        assertEquals(3, limit.free(), "a ceiling below the floor is the limit from the start");
        for (int span = 0; span < 20; span++) {
            fillEverySlot(limit);
            answerThenEndSpan(limit, 20, Duration.ofMillis(150));
            endAll(limit);
        }
        assertEquals(3, limit.limit());
    }

    @Test
    void shouldStartNothingWhileTwentyCallsHaveRunTwentySecondsOrLonger() {
        InFlightLimit limit = new InFlightLimit(calls, 64, clock.get());
        long[] slow = new long[InFlightLimit.LONG_RUNNING_MAX];
        for (int i = 0; i < slow.length; i++) {
            slow[i] = calls.started();
        }
        clock.addAndGet(CallsInFlight.LONG_RUNNING.minusMillis(1).toNanos());
        assertEquals(8, limit.free(), "19.999 s is not long-running yet");
        clock.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals(InFlightLimit.LONG_RUNNING_MAX, calls.longRunning());
        assertEquals(0, limit.free(), "Salesforce would refuse the 26th; the engine stops short of it");
        calls.ended(slow[0]);
        assertEquals(8, limit.free(), "one of them answered: events start again");
    }

    @Test
    void shouldMeanTheAnswersSinceItWasLastAsked() {
        answer(4, Duration.ofMillis(100));
        long id = calls.started();
        clock.addAndGet(Duration.ofMillis(300).toNanos());
        calls.ended(id);
        CallsInFlight.Answered answered = calls.drainAnswered();
        assertEquals(5, answered.count());
        assertEquals(Duration.ofMillis(140).toNanos(), answered.meanNanos());
        assertEquals(0, calls.drainAnswered().count(), "drained: the next span starts from nothing");
        assertEquals(0, calls.underWay());
    }

    /** Starts as many events as the limit lets. */
    private static void fillEverySlot(InFlightLimit limit) {
        limit.started(limit.free());
    }

    private static void endAll(InFlightLimit limit) {
        while (limit.running() > 0) {
            limit.ended();
        }
    }

    /** {@code count} calls answered in {@code each}, one after another. */
    private void answer(int count, Duration each) {
        for (int i = 0; i < count; i++) {
            long id = calls.started();
            clock.addAndGet(each.toNanos());
            calls.ended(id);
        }
    }

    /** The calls answered, then a span has passed and the limit moves by them. */
    private void answerThenEndSpan(InFlightLimit limit, int count, Duration each) {
        answer(count, each);
        clock.addAndGet(SPAN);
        limit.adjust(clock.get());
    }
}
