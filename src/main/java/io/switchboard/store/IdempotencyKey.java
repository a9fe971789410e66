package io.switchboard.store;

/**
 * The key that makes a repeated event a duplicate: the client's own ({@code Idempotency-Key} header) or the one
 * derived from the event's identifying fields. Keys are unique per event type and origin, so a client's key can
 * never take the place of a derived one, nor a call's key a conversation's.
 */
public record IdempotencyKey(String value, Origin origin) {
    /** Where the key came from; stored as {@link #column()}. */
    public enum Origin {
        CLIENT, DERIVED;

        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static IdempotencyKey client(String value) {
        return new IdempotencyKey(value, Origin.CLIENT);
    }

    public static IdempotencyKey derived(String value) {
        return new IdempotencyKey(value, Origin.DERIVED);
    }
}
