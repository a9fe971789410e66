package io.switchboard.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Progress prints a line only every few seconds in a log, redraws a bar in place on a terminal, whatever the number
 * of calls, and sums up at the end.
 */
class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldPrintALineEveryFewSecondsWithTheRateAndTheTimeLeft() {
        AtomicLong now = new AtomicLong();
        List<String> lines = new ArrayList<>();
        Progress progress = Progress.lines(lines::add, now::get, 1000);

        now.set(SECOND);
        progress.sent(200, 0);
        now.set(3 * SECOND);
        progress.sent(190, 10);
        now.set(4 * SECOND);
        progress.sent(200, 0);

        assertEquals(List.of("sent 400/1000 rows: 390 succeeded, 10 failed, 133 rows/s, about 5s left"), lines);
    }

    @Test
    void shouldSumUpEveryRowsOutcome() {
        AtomicLong now = new AtomicLong();
        Progress progress = Progress.lines(line -> { }, now::get, 10);
        now.set(2 * SECOND + SECOND / 2);

        assertEquals("done: 10 rows, 5 updated, 2 created, 1 failed, 2 skipped in 2.5s", progress.summary(5, 2, 1, 2));
    }

    @Test
    void shouldDrawTheBarWithRowsDoneAndFailedTheRateAndTheTimeLeft() {
        assertEquals("[###############---------------]  50%  5,000/10,000 rows, 12 failed, 2,500 rows/s, 2s left",
                Progress.bar(5000, 12, 10_000, 2500, 2));
        assertEquals("[------------------------------]   0%  0/100,000 rows, 0 failed, 0 rows/s, 0s left",
                Progress.bar(0, 0, 100_000, 0, 0));
        assertEquals("[##############################] 100%  300/300 rows, 0 failed, 150 rows/s, 0s left",
                Progress.bar(300, 0, 300, 150, 0));
        assertEquals("[#-----------------------------]   2%  2,000/100,000 rows, 0 failed, 25 rows/s, 1h05m left",
                Progress.bar(2000, 0, 100_000, 25, 3920));
        assertEquals("[#########---------------------]  31%  31/100 rows, 0 failed, 1 rows/s, 1m09s left",
                Progress.bar(31, 0, 100, 1, 69));
    }

    @Test
    void shouldRedrawTheBarInPlaceAFewTimesASecondAndEndItsLine() {
        AtomicLong now = new AtomicLong();
        StringBuilder terminal = new StringBuilder();
        Progress progress = Progress.bar(terminal::append, now::get, 400);

        now.set(SECOND / 10);
        progress.sent(100, 0);
        now.set(SECOND);
        progress.sent(100, 0);
        now.set(SECOND + SECOND / 10);
        progress.sent(100, 0);
        now.set(2 * SECOND);
        progress.sent(99, 1);
        progress.finish();

        assertEquals("\r[###############---------------]  50%  200/400 rows, 0 failed, 200 rows/s, 1s left\u001b[K"
                + "\r[##############################] 100%  400/400 rows, 1 failed, 200 rows/s, 0s left\u001b[K"
                + "\r[##############################] 100%  400/400 rows, 1 failed, 200 rows/s, 0s left\u001b[K\n",
                terminal.toString(), "drawn at 1s and 2s, not at 0.1s or 1.1s, then once more as it ends");
    }

    @Test
    void shouldSayAMessageOnALineOfItsOwnAboveTheBar() {
        AtomicLong now = new AtomicLong();
        StringBuilder terminal = new StringBuilder();
        Progress progress = Progress.bar(terminal::append, now::get, 10);
        now.set(SECOND);
        progress.sent(5, 0);
        terminal.setLength(0);

        progress.say("waiting: paused");

        assertEquals("\r\u001b[Kwaiting: paused\n"
                + "\r[###############---------------]  50%  5/10 rows, 0 failed, 5 rows/s, 1s left\u001b[K",
                terminal.toString());
    }
}
