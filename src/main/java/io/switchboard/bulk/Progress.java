package io.switchboard.bulk;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The terminal's view of a run, and one summary line at the end. On a terminal a bar is redrawn in place (rows done
 * and failed, rate, time left) a few times a second; elsewhere, in a CI log or a file, a line every few seconds, so
 * that a long run shows it is moving and a short one prints only its summary. Messages said while the bar is drawn
 * go on a line of their own above it.
 */
public final class Progress {
    static final Duration INTERVAL = Duration.ofSeconds(3);
    static final Duration REDRAW = Duration.ofMillis(200);
    static final int BAR_WIDTH = 30;
    /** Back to the start of the line, and clear what is left of it. */
    private static final String RETURN = "\r";
    private static final String CLEAR_REST = "\u001b[K";

    private final Consumer<String> printer;
    private final boolean live;
    private final LongSupplier nanoClock;
    private final int total;
    private final long started;
    private long lastDrawn;
    private boolean barShown;
    private int succeeded;
    private int failed;

    private Progress(Consumer<String> printer, boolean live, LongSupplier nanoClock, int total) {
        this.printer = printer;
        this.live = live;
        this.nanoClock = nanoClock;
        this.total = total;
        this.started = nanoClock.getAsLong();
        this.lastDrawn = started;
    }

    /** A line every few seconds; {@code printLine} ends each line itself. */
    public static Progress lines(Consumer<String> printLine, LongSupplier nanoClock, int total) {
        return new Progress(printLine, false, nanoClock, total);
    }

    /** A bar redrawn in place; {@code print} prints without ending the line, as on a terminal. */
    public static Progress bar(Consumer<String> print, LongSupplier nanoClock, int total) {
        return new Progress(print, true, nanoClock, total);
    }

    /** Counts rows done; shows them when the last view is old enough. */
    public synchronized void sent(int succeededRows, int failedRows) {
        succeeded += succeededRows;
        failed += failedRows;
        long now = nanoClock.getAsLong();
        if (now - lastDrawn >= (live ? REDRAW : INTERVAL).toNanos()) {
            lastDrawn = now;
            if (live) {
                draw(now);
            } else {
                printer.accept(line(now));
            }
        }
    }

    /** A message of its own, such as a wait for the API allowance, that leaves the bar drawn below it. */
    public synchronized void say(String message) {
        if (live) {
            printer.accept(RETURN + CLEAR_REST + message + "\n");
            if (barShown) {
                draw(nanoClock.getAsLong());
            }
        } else {
            printer.accept(message);
        }
    }

    /** Ends the bar's line, drawn one last time, so that what follows starts on a line of its own. */
    public synchronized void finish() {
        if (live && total > 0) {
            draw(nanoClock.getAsLong());
            printer.accept("\n");
        }
    }

    private void draw(long now) {
        barShown = true;
        printer.accept(RETURN + bar(succeeded + failed, failed, total, rate(now), secondsLeft(now)) + CLEAR_REST);
    }

    String line(long now) {
        int sent = succeeded + failed;
        return String.format("sent %d/%d rows: %d succeeded, %d failed, %.0f rows/s, about %ds left", sent, total,
                succeeded, failed, rate(now), secondsLeft(now));
    }

    private double rate(long now) {
        return (succeeded + failed) / Math.max(1e-9, (now - started) / 1e9);
    }

    private long secondsLeft(long now) {
        double rate = rate(now);
        return rate > 0 ? Math.round((total - succeeded - failed) / rate) : 0;
    }

    /** The bar as drawn: {@code [#####-----]  50%  500/1,000 rows, 3 failed, 120 rows/s, 4s left}. */
    static String bar(int done, int failedRows, int total, double rate, long secondsLeft) {
        double share = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * BAR_WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d/%,d rows, %,d failed, %,.0f rows/s, %s left",
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), (int) Math.floor(share * 100), done, total,
                failedRows, rate, duration(secondsLeft));
    }

    private static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }

    /** The last line: every row's outcome, and how long it took. */
    public String summary(int updated, int created, int failedRows, int skipped) {
        double seconds = (nanoClock.getAsLong() - started) / 1e9;
        return String.format("done: %d rows, %d updated, %d created, %d failed, %d skipped in %.1fs",
                updated + created + failedRows + skipped, updated, created, failedRows, skipped, seconds);
    }
}
