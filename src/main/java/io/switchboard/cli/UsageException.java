package io.switchboard.cli;

/** The arguments do not fit the command: reported in one line with exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
