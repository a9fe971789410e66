package io.switchboard.salesforce;

import io.switchboard.config.ConnectionOptions;
import io.switchboard.config.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.component.salesforce.AuthenticationType;

/**
 * How to reach and log in to one Salesforce org. Credentials are {@link Secret}s, so printing the settings
 * (as {@link #describe()} does at start-up) never shows them.
 */
public record ConnectionSettings(
        String name,
        String loginUrl,
        String clientId,
        Secret clientSecret,
        String username,
        Secret password,
        Secret securityToken,
        Secret refreshToken,
        String jwtKeystore,
        Secret jwtKeystorePassword,
        String jwtAudience,
        AuthenticationType authType,
        String apiVersion,
        String customerCommentUsername) {

    /** The camel-salesforce component name this connection is registered under. */
    public String componentName() {
        return componentName(name);
    }

    /** The camel-salesforce component a connection of this name is registered under: {@code salesforce[-NAME]}. */
    public static String componentName(String connectionName) {
        return ConnectionOptions.DEFAULT.equals(connectionName) ? "salesforce" : "salesforce-" + connectionName;
    }

    /** Salesforce expects the security token appended to the password. */
    public String passwordWithToken() {
        String token = securityToken == null ? "" : securityToken.reveal();
        return password == null ? null : password.reveal() + token;
    }

    public String loginHost() {
        URI uri = URI.create(loginUrl);
        return uri.getHost() == null ? loginUrl : uri.getHost();
    }

    /** The settings as printable lines, secrets masked. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("login-url=" + loginUrl);
        lines.add("auth-type=" + authType);
        lines.add("api-version=" + apiVersion);
        lines.add("client-id=" + (clientId == null ? "(not set)" : clientId));
        lines.add("client-secret=" + Secret.describe(clientSecret));
        lines.add("username=" + (username == null ? "(not set)" : username));
        lines.add("password=" + Secret.describe(password));
        lines.add("security-token=" + Secret.describe(securityToken));
        lines.add("refresh-token=" + Secret.describe(refreshToken));
        lines.add("jwt-keystore=" + (jwtKeystore == null ? "(not set)" : jwtKeystore));
        lines.add("jwt-keystore-password=" + Secret.describe(jwtKeystorePassword));
        lines.add("customer-comment-username=" + (customerCommentUsername == null ? "(not set)" : customerCommentUsername));
        return lines;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + name + ": " + String.join(", ", describe()) + "]";
    }
}
