package io.switchboard.attachments;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of attachment content the engine may hold at once, downloads in progress and downloaded files waiting
 * for their event together, so that many large files at once cannot fill the memory.
 */
final class ByteBudget {
    private final long limit;
    private final AtomicLong held = new AtomicLong();

    ByteBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code bytes} if they fit; answers false, taking nothing, if they do not. */
    boolean take(long bytes) {
        long before;
        do {
            before = held.get();
            if (before + bytes > limit) {
                return false;
            }
        } while (!held.compareAndSet(before, before + bytes));
        return true;
    }

    void giveBack(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }
}
