package io.switchboard.emulator.admin;

/** A delay added before every client request is handled, to emulate a slow or distant org. */
public final class Latency {
    private volatile long millis;

    public void set(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("millis must not be negative");
        }
        this.millis = millis;
    }

    public long millis() {
        return millis;
    }

    public void pause() throws InterruptedException {
        long delay = millis;
        if (delay > 0) {
            Thread.sleep(delay);
        }
    }
}
