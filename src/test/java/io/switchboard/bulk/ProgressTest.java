package io.switchboard.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress prints a line only every few seconds, whatever the number of calls, and a summary at the end. */
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
}
