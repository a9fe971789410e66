package io.switchboard.salesforce;

import io.switchboard.config.ConnectionOptions;
import io.switchboard.config.ConfigException;
import io.switchboard.config.Configuration;
import io.switchboard.config.Option;
import java.util.LinkedHashMap;
import java.util.Map;
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
        for (Option<?> option : ConnectionOptions.ALL) {
            if (option.secret()) {
                configuration.requireIndirect(ConnectionOptions.of(name, option).key());
            }
        }
        ConnectionSettings unresolved = new ConnectionSettings(
                name,
                stripTrailingSlash(read(configuration, name, ConnectionOptions.LOGIN_URL)),
                read(configuration, name, ConnectionOptions.CLIENT_ID),
                read(configuration, name, ConnectionOptions.CLIENT_SECRET),
                read(configuration, name, ConnectionOptions.USERNAME),
                read(configuration, name, ConnectionOptions.PASSWORD),
                read(configuration, name, ConnectionOptions.SECURITY_TOKEN),
                read(configuration, name, ConnectionOptions.REFRESH_TOKEN),
                read(configuration, name, ConnectionOptions.JWT_KEYSTORE),
                read(configuration, name, ConnectionOptions.JWT_KEYSTORE_PASSWORD),
                read(configuration, name, ConnectionOptions.JWT_AUDIENCE),
                null,
                read(configuration, name, ConnectionOptions.API_VERSION),
                read(configuration, name, ConnectionOptions.CUSTOMER_COMMENT_USERNAME));
        AuthenticationType authType = authType(read(configuration, name, ConnectionOptions.AUTH_TYPE), unresolved);
        return withAuthType(unresolved, authType);
    }

    /** A connection's option; a bad value is refused naming the connection. */
    private static <T> T read(Configuration configuration, String name, Option<T> option) {
        try {
            return ConnectionOptions.of(name, option).read(configuration);
        } catch (ConfigException e) {
            throw new ConfigException("connection '" + name + "': " + e.getMessage());
        }
    }

    /**
     * The flow named in the configuration, or the one the given credentials imply. Detection prefers the
     * flows that need no password: JWT, then refresh token, then username-password, then client credentials.
     */
    static AuthenticationType authType(String configured, ConnectionSettings settings) {
        if (configured != null) {
            return AuthenticationType.valueOf(configured);
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

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
