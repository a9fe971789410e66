package io.switchboard.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.config.ConfigException;
import io.switchboard.config.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsTest {
    @TempDir
    Path dir;

    private Map<String, ConnectionSettings> load(String connections, Map<String, String> env) throws Exception {
        Files.writeString(dir.resolve("application.properties"), "switchboard.port = 8080\n");
        if (connections != null) {
            Files.writeString(dir.resolve("connections.properties"), connections);
        }
        return Connections.load(Configuration.load(dir, env::get));
    }

    private static Map<String, String> usernamePassword() {
        Map<String, String> env = new HashMap<>();
        env.put("SF_CLIENT_ID", "cid");
        env.put("SF_CLIENT_SECRET", "csecret-value");
        env.put("SF_USERNAME", "integration@example.com");
        env.put("SF_PASSWORD", "pw-value");
        env.put("SF_SECURITY_TOKEN", "TOKEN-value");
        return env;
    }

    @Test
    void shouldReadTheDefaultConnectionFromTheSfVariables() throws Exception {
        ConnectionSettings settings = load(null, usernamePassword()).get("default");
        assertEquals(AuthenticationType.USERNAME_PASSWORD, settings.authType());
        assertEquals("https://login.salesforce.com", settings.loginUrl());
        assertEquals("62.0", settings.apiVersion());
        assertEquals("pw-valueTOKEN-value", settings.passwordWithToken());
        assertEquals("salesforce", settings.componentName());
    }

    @Test
    void shouldDetectEachFlowFromWhatIsSet() throws Exception {
        Map<String, String> refresh = new HashMap<>(Map.of("SF_CLIENT_ID", "cid", "SF_REFRESH_TOKEN", "rt"));
        assertEquals(AuthenticationType.REFRESH_TOKEN, load(null, refresh).get("default").authType());
        Map<String, String> jwt = new HashMap<>(Map.of("SF_CLIENT_ID", "cid", "SF_USERNAME", "u",
                "SF_JWT_KEYSTORE", "/k.p12", "SF_JWT_KEYSTORE_PASSWORD", "p"));
        assertEquals(AuthenticationType.JWT, load(null, jwt).get("default").authType());
        Map<String, String> client = new HashMap<>(Map.of("SF_CLIENT_ID", "cid", "SF_CLIENT_SECRET", "s"));
        assertEquals(AuthenticationType.CLIENT_CREDENTIALS, load(null, client).get("default").authType());
    }

    @Test
    void shouldHonourAnExplicitAuthTypeAndRefuseAnUnknownOne() throws Exception {
        Map<String, String> env = usernamePassword();
        env.put("SF_AUTH_TYPE", "client_credentials");
        assertEquals(AuthenticationType.CLIENT_CREDENTIALS, load(null, env).get("default").authType());
        env.put("SF_AUTH_TYPE", "SAML");
        ConfigException e = assertThrows(ConfigException.class, () -> load(null, env));
        assertTrue(e.getMessage().contains("USERNAME_PASSWORD, REFRESH_TOKEN, CLIENT_CREDENTIALS, JWT"), e.getMessage());
    }

    @Test
    void shouldDeclareNamedConnectionsInConfigWithTheirOwnComponent() throws Exception {
        Map<String, ConnectionSettings> connections = load("""
                switchboard.connection.emea.login-url = https://test.salesforce.com/
                switchboard.connection.emea.client-id = emea-id
                switchboard.connection.emea.client-secret = {{env:EMEA_SECRET}}
                switchboard.connection.emea.api-version = 60.0
                """, Map.of("EMEA_SECRET", "emea-secret-value", "SF_CLIENT_SECRET", "not-for-emea"));
        assertEquals(List.of("default", "emea"), List.copyOf(connections.keySet()));
        ConnectionSettings emea = connections.get("emea");
        assertEquals("https://test.salesforce.com", emea.loginUrl());
        assertEquals("emea-secret-value", emea.clientSecret().reveal());
        assertEquals(AuthenticationType.CLIENT_CREDENTIALS, emea.authType());
        assertEquals("salesforce-emea", emea.componentName());
        assertEquals("60.0", emea.apiVersion());
    }

    @Test
    void shouldRefuseALiteralSecretInConnectionsFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(
                "switchboard.connection.emea.client-secret = literal-secret-value\n", Map.of()));
        assertEquals(1, e.line());
        assertTrue(e.located().contains("connections.properties:1"), e.located());
    }

    @Test
    void shouldRefuseABadApiVersion() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(null, Map.of("SF_API_VERSION", "v62")));
        assertTrue(e.getMessage().contains("62.0"), e.getMessage());
    }

    @Test
    void shouldNameEveryMissingCredentialOfTheChosenFlow() throws Exception {
        ConnectionSettings settings = load(null, Map.of("SF_USERNAME", "u")).get("default");
        ConfigException e = assertThrows(ConfigException.class, () -> SalesforceComponents.create(settings));
        assertEquals("connection 'default' uses the USERNAME_PASSWORD flow but these are not set: "
                + "SF_CLIENT_ID, SF_CLIENT_SECRET, SF_PASSWORD", e.getMessage());
    }

    @Test
    void shouldSayWhatToSetWhenNoCredentialIsConfigured() throws Exception {
        ConnectionSettings settings = load(null, Map.of()).get("default");
        ConfigException e = assertThrows(ConfigException.class, () -> SalesforceComponents.create(settings));
        assertTrue(e.getMessage().startsWith("connection 'default' has no credentials: set SF_CLIENT_ID"), e.getMessage());
    }

    @Test
    void shouldNeverPrintCredentials() throws Exception {
        ConnectionSettings settings = load(null, usernamePassword()).get("default");
        String printed = settings.toString();
        for (String secret : List.of("csecret-value", "pw-value", "TOKEN-value")) {
            assertFalse(printed.contains(secret), printed);
        }
        assertTrue(printed.contains("client-id=cid"), printed);
    }

    @Test
    void shouldConfigureTheComponentForRawJsonAndLazyLogin() throws Exception {
        SalesforceComponent component = SalesforceComponents.create(load(null, usernamePassword()).get("default"));
        assertTrue(component.getConfig().isRawPayload());
        assertEquals("62.0", component.getConfig().getApiVersion());
        assertEquals("pw-valueTOKEN-value", component.getPassword());
        assertTrue(component.isLazyLogin());
    }
}
