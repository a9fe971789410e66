package io.switchboard.salesforce;

import io.switchboard.config.ConfigException;
import io.switchboard.config.ConnectionOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.support.jsse.KeyStoreParameters;

/**
 * Builds one camel-salesforce component per connection. Each org gets its own component instance (its own
 * session and HTTP client), registered under {@link ConnectionSettings#componentName()}.
 */
public final class SalesforceComponents {
    private static final long REQUEST_TIMEOUT_MILLIS = 60_000;

    /** The HTTP client property that bounds how often camel-salesforce logs in again for one refused call. */
    private static final String LOGIN_RETRIES = "maxRetries";
    /**
     * The HTTP client property that bounds its connections to one org. Jetty's default of 64 would queue the calls of
     * a worker running more events at once than that (SWITCHBOARD_WORKER_CONCURRENCY allows 256): each event has at
     * most one call under way, so one connection each, opened only as they are needed.
     */
    private static final String CONNECTIONS_PER_ORG = "maxConnectionsPerDestination";
    private static final int MOST_CONNECTIONS_PER_ORG = 256;

    private SalesforceComponents() {
    }

    /**
     * The component as the engine uses it: its session is renewed by the connection's {@link SalesforceClient}
     * under the connection's {@link LoginGate}, never by camel-salesforce itself. camel-salesforce logs in again for
     * each call refused with 401, with no regard for the others, and tries a refused login three times: calls in
     * flight when a session expires under a changed password would send a burst of failed logins, enough to lock
     * the integration user out.
     */
    public static SalesforceComponent createForGatedLogin(ConnectionSettings settings) {
        SalesforceComponent component = create(settings);
        // mutable: camel-salesforce adds its own HTTP settings to the map when it starts
        Map<String, Object> httpClient = new HashMap<>();
        httpClient.put(LOGIN_RETRIES, 0);
        httpClient.put(CONNECTIONS_PER_ORG, MOST_CONNECTIONS_PER_ORG);
        component.setHttpClientProperties(httpClient);
        return component;
    }

    /**
     * The component with the connection's API version and payload settings but no credentials, which never logs in:
     * enough for resolving the endpoints a route names, as {@code validate} does where no credentials are set.
     */
    public static SalesforceComponent createWithoutLogin(ConnectionSettings settings) {
        SalesforceComponent component = new SalesforceComponent();
        component.setLoginUrl(settings.loginUrl());
        component.setConfig(endpointConfig(settings));
        component.setLazyLogin(true);
        return component;
    }

    public static SalesforceComponent create(ConnectionSettings settings) {
        requireCredentials(settings);
        SalesforceComponent component = new SalesforceComponent();
        component.setLoginUrl(settings.loginUrl());
        component.setClientId(settings.clientId());
        component.setAuthenticationType(settings.authType());
        switch (settings.authType()) {
            case USERNAME_PASSWORD -> {
                component.setClientSecret(settings.clientSecret().reveal());
                component.setUserName(settings.username());
                component.setPassword(settings.passwordWithToken());
            }
            case REFRESH_TOKEN -> {
                if (settings.clientSecret() != null) {
                    component.setClientSecret(settings.clientSecret().reveal());
                }
                component.setRefreshToken(settings.refreshToken().reveal());
            }
            case CLIENT_CREDENTIALS -> component.setClientSecret(settings.clientSecret().reveal());
            case JWT -> {
                component.setUserName(settings.username());
                component.setKeystore(keystore(settings));
                if (settings.jwtAudience() != null) {
                    component.setJwtAudience(settings.jwtAudience());
                }
            }
        }
        component.setConfig(endpointConfig(settings));
        // Start even while Salesforce is unreachable; the first call logs in, and check-connection reports why not.
        component.setLazyLogin(true);
        component.setHttpRequestTimeout(REQUEST_TIMEOUT_MILLIS);
        return component;
    }

    private static SalesforceEndpointConfig endpointConfig(ConnectionSettings settings) {
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion(settings.apiVersion());
        // JSON strings in and out: the mapping steps build the bodies, so no generated DTOs are needed.
        config.setRawPayload(true);
        return config;
    }

    private static KeyStoreParameters keystore(ConnectionSettings settings) {
        KeyStoreParameters keystore = new KeyStoreParameters();
        keystore.setResource("file:" + settings.jwtKeystore());
        keystore.setPassword(settings.jwtKeystorePassword().reveal());
        return keystore;
    }

    /** Names every credential the chosen flow needs and lacks, before anything is sent to Salesforce. */
    static void requireCredentials(ConnectionSettings s) {
        if (hasNoCredentials(s)) {
            throw new ConfigException("connection '" + s.name() + "' has no credentials: set "
                    + (ConnectionOptions.DEFAULT.equals(s.name())
                        ? "SF_CLIENT_ID with SF_CLIENT_SECRET (client credentials), SF_USERNAME/SF_PASSWORD/"
                          + "SF_SECURITY_TOKEN, SF_REFRESH_TOKEN or SF_JWT_KEYSTORE (see README), or run the demo"
                        : "its client-id and the credentials of one flow in config/connections.properties"));
        }
        List<String> missing = new ArrayList<>();
        boolean isDefault = ConnectionOptions.DEFAULT.equals(s.name());
        if (s.clientId() == null) {
            missing.add(label(isDefault, s.name(), ConnectionOptions.CLIENT_ID.envName(), "client-id"));
        }
        switch (s.authType()) {
            case USERNAME_PASSWORD -> {
                if (s.clientSecret() == null) missing.add(label(isDefault, s.name(), "SF_CLIENT_SECRET", "client-secret"));
                if (s.username() == null) missing.add(label(isDefault, s.name(), "SF_USERNAME", "username"));
                if (s.password() == null) missing.add(label(isDefault, s.name(), "SF_PASSWORD", "password"));
            }
            case REFRESH_TOKEN -> {
                if (s.refreshToken() == null) missing.add(label(isDefault, s.name(), "SF_REFRESH_TOKEN", "refresh-token"));
            }
            case CLIENT_CREDENTIALS -> {
                if (s.clientSecret() == null) missing.add(label(isDefault, s.name(), "SF_CLIENT_SECRET", "client-secret"));
            }
            case JWT -> {
                if (s.username() == null) missing.add(label(isDefault, s.name(), "SF_USERNAME", "username"));
                if (s.jwtKeystore() == null) missing.add(label(isDefault, s.name(), "SF_JWT_KEYSTORE", "jwt-keystore"));
                if (s.jwtKeystorePassword() == null) {
                    missing.add(label(isDefault, s.name(), "SF_JWT_KEYSTORE_PASSWORD", "jwt-keystore-password"));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("connection '" + s.name() + "' uses the " + s.authType()
                    + " flow but these are not set: " + String.join(", ", missing));
        }
    }

    private static boolean hasNoCredentials(ConnectionSettings s) {
        return s.clientId() == null && s.clientSecret() == null && s.username() == null && s.password() == null
                && s.refreshToken() == null && s.jwtKeystore() == null;
    }

    private static String label(boolean isDefault, String name, String envName, String suffix) {
        return isDefault ? envName : ConnectionOptions.PREFIX + name + "." + suffix;
    }
}
