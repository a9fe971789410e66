package io.switchboard.attachments;

import java.time.Instant;

/**
 * One file's download for one event, across its attempts: where it stands, the attempt running now (so that it can
 * be cut off when the file is no longer wanted), and the budget bytes its content holds until it is given up.
 */
final class Download {
    private final FileKey key;
    private final FileRequest request;
    private FileState state;
    private int failedAttempts;
    private FetchAttempt running;
    private long heldBytes;
    private boolean givenUp;

    Download(FileKey key, FileRequest request, Instant expectedBy) {
        this.key = key;
        this.request = request;
        this.state = new FileState.Pending(expectedBy);
    }

    FileKey key() {
        return key;
    }

    FileRequest request() {
        return request;
    }

    synchronized FileState state() {
        return state;
    }

    synchronized boolean givenUp() {
        return givenUp;
    }

    /** Answers false, starting nothing, once the file is given up. */
    synchronized boolean start(FetchAttempt attempt, Instant expectedBy) {
        if (givenUp) {
            return false;
        }
        running = attempt;
        state = new FileState.Pending(expectedBy);
        return true;
    }

    synchronized int failedAttemptsSoFar() {
        return failedAttempts;
    }

    /** Counts a transient failure; answers how many there have been. */
    synchronized int failedOnce() {
        running = null;
        return ++failedAttempts;
    }

    synchronized void waiting(Instant expectedBy) {
        running = null;
        state = new FileState.Pending(expectedBy);
    }

    /** Answers false when the file was given up meanwhile: then its content's bytes go straight back. */
    synchronized boolean settle(FileState settled, long bytes, ByteBudget budget) {
        running = null;
        if (givenUp) {
            budget.giveBack(bytes);
            return false;
        }
        state = settled;
        heldBytes = bytes;
        return true;
    }

    /** Consumed, expired or abandoned: its bytes go back and an attempt still running is cut off. */
    synchronized void giveUp(ByteBudget budget) {
        givenUp = true;
        budget.giveBack(heldBytes);
        heldBytes = 0;
        if (running != null) {
            running.cutOff();
            running = null;
        }
    }
}
