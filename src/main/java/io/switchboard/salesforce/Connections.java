package io.switchboard.salesforce;

import io.switchboard.config.ConfigException;
import io.switchboard.config.Configuration;
import io.switchboard.config.Option;
import io.switchboard.config.Secret;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.camel.component.salesforce.AuthenticationType;

/**
 * Reads every Salesforce connection from the configuration: {@code default} from the {@code SF_*} variables
 * (or its keys in the files), and each other name declared under {@code switchboard.connection.NAME.*}.
 */
public final class Connections {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern API_VERSION = Pattern.compile("\\d{2}\\.0");

    private Connections() {
    }

    /** All connections by name, {@code default} first. */
    public static Map<String, ConnectionSettings> load(Configuration configuration) {
        Set<String> names = new TreeSet<>(configuration.namesUnder(ConnectionOptions.PREFIX));
        names.add(ConnectionOptions.DEFAULT);
        Map<String, ConnectionSettings> connections = new LinkedHashMap<>();
        connections.put(ConnectionOptions.DEFAULT, read(configuration, ConnectionOptions.DEFAULT));
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new ConfigException("connection name '" + name
                        + "' must be lower case letters, digits and '-', starting with a letter");
            }
            connections.putIfAbsent(name, read(configuration, name));
        }
        return connections;
    }

    static ConnectionSettings read(Configuration configuration, String name) {
        for (Option option : ConnectionOptions.ALL) {
            if (option.secret()) {
                configuration.requireIndirect(ConnectionOptions.key(name, option));
            }
        }
        String apiVersion = text(configuration, name, ConnectionOptions.API_VERSION);
        if (!API_VERSION.matcher(apiVersion).matches()) {
            throw new ConfigException("connection '" + name + "': api-version must look like 62.0, got '" + apiVersion + "'");
        }
        ConnectionSettings unresolved = new ConnectionSettings(
                name,
                stripTrailingSlash(text(configuration, name, ConnectionOptions.LOGIN_URL)),
                text(configuration, name, ConnectionOptions.CLIENT_ID),
                secret(configuration, name, ConnectionOptions.CLIENT_SECRET),
                text(configuration, name, ConnectionOptions.USERNAME),
                secret(configuration, name, ConnectionOptions.PASSWORD),
                secret(configuration, name, ConnectionOptions.SECURITY_TOKEN),
                secret(configuration, name, ConnectionOptions.REFRESH_TOKEN),
                text(configuration, name, ConnectionOptions.JWT_KEYSTORE),
                secret(configuration, name, ConnectionOptions.JWT_KEYSTORE_PASSWORD),
                text(configuration, name, ConnectionOptions.JWT_AUDIENCE),
                null,
                apiVersion,
                text(configuration, name, ConnectionOptions.CUSTOMER_COMMENT_USERNAME));
        AuthenticationType authType = authType(name, text(configuration, name, ConnectionOptions.AUTH_TYPE), unresolved);
        return withAuthType(unresolved, authType);
    }

    /**
     * The flow named in the configuration, or the one the given credentials imply. Detection prefers the
     * flows that need no password: JWT, then refresh token, then username-password, then client credentials.
     */
    static AuthenticationType authType(String name, String configured, ConnectionSettings settings) {
        if (configured != null && !configured.isBlank()) {
            try {
                return AuthenticationType.valueOf(configured.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("connection '" + name + "': auth-type '" + configured
                        + "' is not one of USERNAME_PASSWORD, REFRESH_TOKEN, CLIENT_CREDENTIALS, JWT");
            }
        }
        if (settings.jwtKeystore() != null) {
            return AuthenticationType.JWT;
        }
        if (settings.refreshToken() != null) {
            return AuthenticationType.REFRESH_TOKEN;
        }
        if (settings.username() != null || settings.password() != null) {
            return AuthenticationType.USERNAME_PASSWORD;
        }
        return AuthenticationType.CLIENT_CREDENTIALS;
    }

    private static ConnectionSettings withAuthType(ConnectionSettings s, AuthenticationType authType) {
        return new ConnectionSettings(s.name(), s.loginUrl(), s.clientId(), s.clientSecret(), s.username(),
                s.password(), s.securityToken(), s.refreshToken(), s.jwtKeystore(), s.jwtKeystorePassword(),
                s.jwtAudience(), authType, s.apiVersion(), s.customerCommentUsername());
    }

    private static String text(Configuration configuration, String name, Option option) {
        Optional<String> value = configuration.value(ConnectionOptions.key(name, option), envName(name, option));
        return value.filter(v -> !v.isBlank()).map(String::strip).orElse(option.defaultValue());
    }

    private static Secret secret(Configuration configuration, String name, Option option) {
        return Secret.ofNullable(configuration.value(ConnectionOptions.key(name, option), envName(name, option)).orElse(null));
    }

    /** Only the default connection listens to the contract's SF_* variables. */
    private static String envName(String name, Option option) {
        return ConnectionOptions.DEFAULT.equals(name) ? option.envName() : null;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
