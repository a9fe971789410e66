package io.switchboard.contacts;

import java.util.Optional;

/**
 * One run of the sync, from its start to the page that was not full: where the next page starts, and what has been
 * read and queued so far. Travels as the exchange property {@value #PROPERTY}; the route loops while it is not done.
 */
public final class SyncRun {
    public static final String PROPERTY = "switchboardContactSyncRun";

    private final boolean full;
    private final Optional<SyncPosition> startedFrom;
    private SyncPosition after;
    private boolean firstPage = true;
    private boolean done;
    private int read;
    private int queued;
    private int echoes;

    SyncRun(Optional<SyncPosition> startedFrom) {
        this.full = startedFrom.isEmpty();
        this.startedFrom = startedFrom;
    }

    /** Every Contact, as on the first run: no watermark yet. */
    boolean full() {
        return full;
    }

    Optional<SyncPosition> startedFrom() {
        return startedFrom;
    }

    boolean firstPage() {
        return firstPage;
    }

    /** Where the next page starts: after the last change queued; empty before the first page. */
    Optional<SyncPosition> after() {
        return Optional.ofNullable(after);
    }

    void pageQueued(int records, int newlyQueued, int echoesLeftOut, SyncPosition last, boolean more) {
        firstPage = false;
        read += records;
        queued += newlyQueued;
        echoes += echoesLeftOut;
        if (last != null) {
            after = last;
        }
        done = !more;
    }

    public boolean isDone() {
        return done;
    }

    int read() {
        return read;
    }

    int queued() {
        return queued;
    }

    int echoes() {
        return echoes;
    }
}
