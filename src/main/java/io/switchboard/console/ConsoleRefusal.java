package io.switchboard.console;

/** A console request refused with a status and a sentence for the operator (a missing CSRF token, an unknown event). */
public final class ConsoleRefusal extends RuntimeException {
    private final int status;

    public ConsoleRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
