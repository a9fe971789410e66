package io.switchboard.console;

/** A console request without a live session: answered with the login page. */
public final class NotSignedIn extends RuntimeException {
    public NotSignedIn() {
        super("not signed in", null, false, false);
    }
}
