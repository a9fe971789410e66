package io.switchboard.bulk;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The terminal's view of a run: a line every few seconds (rows sent, succeeded, failed, rate, time left) and one
 * summary line at the end, so that a long run shows it is moving and a short one prints only its summary.
 */
public final class Progress {
    static final Duration INTERVAL = Duration.ofSeconds(3);

    private final Consumer<String> printer;
    private final LongSupplier nanoClock;
    private final int total;
    private final long started;
    private long lastLine;
    private int succeeded;
    private int failed;

    /** @param total the rows that will be sent */
    public Progress(Consumer<String> printer, LongSupplier nanoClock, int total) {
        this.printer = printer;
        this.nanoClock = nanoClock;
        this.total = total;
        this.started = nanoClock.getAsLong();
        this.lastLine = started;
    }

    /** Counts one call's rows; prints a line when the last is a few seconds old. */
    public void sent(int succeededRows, int failedRows) {
        succeeded += succeededRows;
        failed += failedRows;
        long now = nanoClock.getAsLong();
        if (now - lastLine >= INTERVAL.toNanos()) {
            lastLine = now;
            printer.accept(line(now));
        }
    }

    String line(long now) {
        int sent = succeeded + failed;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = sent / seconds;
        long left = rate > 0 ? Math.round((total - sent) / rate) : 0;
        return String.format("sent %d/%d rows: %d succeeded, %d failed, %.0f rows/s, about %ds left", sent, total,
                succeeded, failed, rate, left);
    }

    /** The last line: every row's outcome, and how long it took. */
    public String summary(int updated, int created, int failedRows, int skipped) {
        double seconds = (nanoClock.getAsLong() - started) / 1e9;
        return String.format("done: %d rows, %d updated, %d created, %d failed, %d skipped in %.1fs",
                updated + created + failedRows + skipped, updated, created, failedRows, skipped, seconds);
    }
}
