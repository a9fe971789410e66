package io.switchboard.config;

import java.util.List;

/**
 * The options of one Salesforce connection. For the connection named {@code default} the {@code SF_*} variables
 * override the file; named connections are declared in {@code config/} as {@code switchboard.connection.NAME.OPTION}
 * and take no variables. Keys here are the part after {@code switchboard.connection.NAME.}.
 */
public final class ConnectionOptions {
    public static final String PREFIX = "switchboard.connection.";
    /** The connection the {@code SF_*} variables configure, and the one every behaviour uses unless told otherwise. */
    public static final String DEFAULT = "default";

    public static final Option<String> LOGIN_URL = Option.text("login-url", "SF_LOGIN_URL",
            "https://login.salesforce.com", "login host: production, `https://test.salesforce.com`, a My Domain URL, "
                    + "or the emulator");
    public static final Option<String> CLIENT_ID = Option.text("client-id", "SF_CLIENT_ID", null,
            "connected app consumer key");
    public static final Option<Secret> CLIENT_SECRET = Option.secret("client-secret", "SF_CLIENT_SECRET",
            "connected app consumer secret");
    public static final Option<String> USERNAME = Option.text("username", "SF_USERNAME", null,
            "integration user (username-password and JWT flows)");
    public static final Option<Secret> PASSWORD = Option.secret("password", "SF_PASSWORD",
            "integration user's password (username-password flow)");
    public static final Option<Secret> SECURITY_TOKEN = Option.secret("security-token", "SF_SECURITY_TOKEN",
            "security token, appended to the password");
    public static final Option<Secret> REFRESH_TOKEN = Option.secret("refresh-token", "SF_REFRESH_TOKEN",
            "refresh token (refresh-token flow)");
    public static final Option<String> JWT_KEYSTORE = Option.text("jwt-keystore", "SF_JWT_KEYSTORE", null,
            "PKCS12 or JKS keystore holding the one JWT signing key (JWT bearer flow)");
    public static final Option<Secret> JWT_KEYSTORE_PASSWORD = Option.secret("jwt-keystore-password",
            "SF_JWT_KEYSTORE_PASSWORD", "password of the JWT keystore");
    public static final Option<String> JWT_AUDIENCE = Option.text("jwt-audience", "SF_JWT_AUDIENCE", null,
            "JWT `aud` claim (empty: the login URL)");
    public static final Option<String> AUTH_TYPE = Option.choice("auth-type", "SF_AUTH_TYPE", null,
            "OAuth flow (empty: detected from what is set)", "USERNAME_PASSWORD", "REFRESH_TOKEN",
            "CLIENT_CREDENTIALS", "JWT");
    /** Recent enough for every REST resource the engine uses (composite graph needs 50.0+). */
    public static final Option<String> API_VERSION = Option.matching("api-version", "SF_API_VERSION", "62.0",
            "\\d{2}\\.0", "an API version such as 62.0", "REST API version");
    public static final Option<String> CUSTOMER_COMMENT_USERNAME = Option.text("customer-comment-username",
            "SF_CUSTOMER_COMMENT_USERNAME", null, "Salesforce username that customer-side chat comments are posted as");

    public static final List<Option<?>> ALL = List.of(LOGIN_URL, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD,
            SECURITY_TOKEN, REFRESH_TOKEN, JWT_KEYSTORE, JWT_KEYSTORE_PASSWORD, JWT_AUDIENCE, AUTH_TYPE, API_VERSION,
            CUSTOMER_COMMENT_USERNAME);

    private ConnectionOptions() {
    }

    /** The option as one connection reads it: its full key, and the {@code SF_*} variable for {@code default} only. */
    public static <T> Option<T> of(String connectionName, Option<T> option) {
        return option.withKey(PREFIX + connectionName + "." + option.key(),
                DEFAULT.equals(connectionName) ? option.envName() : null);
    }
}
