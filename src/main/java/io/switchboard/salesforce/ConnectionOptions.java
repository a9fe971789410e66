package io.switchboard.salesforce;

import io.switchboard.config.Option;
import java.util.List;

/**
 * The options of one Salesforce connection. For the connection named {@code default} the contract's
 * {@code SF_*} variables override the file; named connections are declared in {@code config/} as
 * {@code switchboard.connection.NAME.OPTION}.
 */
public final class ConnectionOptions {
    public static final String PREFIX = "switchboard.connection.";
    public static final String DEFAULT = "default";
    /** Recent enough for every REST resource the engine uses (composite graph needs 50.0+). */
    public static final String DEFAULT_API_VERSION = "62.0";

    public static final Option LOGIN_URL = option("login-url", "SF_LOGIN_URL", "https://login.salesforce.com",
            "login host: production, https://test.salesforce.com, a My Domain URL, or the emulator");
    public static final Option CLIENT_ID = option("client-id", "SF_CLIENT_ID", null, "connected app consumer key");
    public static final Option CLIENT_SECRET = secret("client-secret", "SF_CLIENT_SECRET", "connected app consumer secret");
    public static final Option USERNAME = option("username", "SF_USERNAME", null, "integration user (username-password and JWT flows)");
    public static final Option PASSWORD = secret("password", "SF_PASSWORD", "integration user's password");
    public static final Option SECURITY_TOKEN = secret("security-token", "SF_SECURITY_TOKEN",
            "security token appended to the password");
    public static final Option REFRESH_TOKEN = secret("refresh-token", "SF_REFRESH_TOKEN", "refresh-token flow");
    public static final Option JWT_KEYSTORE = option("jwt-keystore", "SF_JWT_KEYSTORE", null,
            "PKCS12/JKS keystore holding the JWT signing key");
    public static final Option JWT_KEYSTORE_PASSWORD = secret("jwt-keystore-password", "SF_JWT_KEYSTORE_PASSWORD",
            "keystore password");
    public static final Option JWT_AUDIENCE = option("jwt-audience", "SF_JWT_AUDIENCE", null,
            "JWT audience; defaults to the login URL");
    public static final Option AUTH_TYPE = option("auth-type", "SF_AUTH_TYPE", null,
            "USERNAME_PASSWORD, REFRESH_TOKEN, CLIENT_CREDENTIALS or JWT; detected from what is set when empty");
    public static final Option API_VERSION = option("api-version", "SF_API_VERSION", DEFAULT_API_VERSION,
            "REST API version");
    public static final Option CUSTOMER_COMMENT_USERNAME = option("customer-comment-username",
            "SF_CUSTOMER_COMMENT_USERNAME", null, "Salesforce username that customer-side chat comments are posted as");

    public static final List<Option> ALL = List.of(LOGIN_URL, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD,
            SECURITY_TOKEN, REFRESH_TOKEN, JWT_KEYSTORE, JWT_KEYSTORE_PASSWORD, JWT_AUDIENCE, AUTH_TYPE, API_VERSION,
            CUSTOMER_COMMENT_USERNAME);

    private ConnectionOptions() {
    }

    /** The key an option has for one connection, e.g. {@code switchboard.connection.acme.client-id}. */
    public static String key(String connectionName, Option option) {
        return PREFIX + connectionName + "." + option.key();
    }

    private static Option option(String suffix, String envName, String defaultValue, String description) {
        return Option.of(suffix, envName, defaultValue, description);
    }

    private static Option secret(String suffix, String envName, String description) {
        return Option.secret(suffix, envName, description);
    }
}
