package io.switchboard.emulator.auth;

/** A refused login, answered as Salesforce's token endpoint does: 400 with {@code error} and {@code error_description}. */
public final class OAuthError extends RuntimeException {
    private final String error;

    public OAuthError(String error, String description) {
        super(description);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    static OAuthError authenticationFailure() {
        return new OAuthError("invalid_grant", "authentication failure");
    }
}
