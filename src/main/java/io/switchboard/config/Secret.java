package io.switchboard.config;

/**
 * A credential. It prints as a mask so that no log line, error or answer can carry it by accident;
 * only {@link #reveal()} gives the value, and only code that hands it to Salesforce calls that.
 */
public final class Secret {
    private static final String MASK = "****";
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret, or null when there is no value, so that "not configured" stays visible as null. */
    public static Secret ofNullable(String value) {
        return value == null || value.isEmpty() ? null : new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    /** How a possibly absent secret shows in printed configuration. */
    public static String describe(Secret secret) {
        return secret == null ? "(not set)" : MASK;
    }
}
