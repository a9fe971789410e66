package io.switchboard.salesforce;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.ConnectException;
import java.util.List;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.junit.jupiter.api.Test;

class LoginDiagnosisTest {

    private static ConnectionSettings settings(String loginUrl, AuthenticationType type, boolean withToken) {
        return new ConnectionSettings("default", loginUrl, "cid", null, "u@example.com", null,
                withToken ? io.switchboard.config.Secret.ofNullable("tok") : null, null, null, null, null, type, "62.0", null);
    }

    private static SalesforceException loginError(String code, String description) {
        String message = "Login error code:[" + code + "] description:[" + description + "]";
        return new SalesforceException(List.of(new RestError(code, message)), 400);
    }

    @Test
    void shouldNameHostFlowMissingTokenBlockedFlowAndSandboxHost() {
        String text = LoginDiagnosis.explain(settings("https://login.salesforce.com", AuthenticationType.USERNAME_PASSWORD, false),
                loginError("invalid_grant", "authentication failure"));
        assertTrue(text.contains("at https://login.salesforce.com"), text);
        assertTrue(text.contains("USERNAME_PASSWORD flow"), text);
        assertTrue(text.contains("invalid_grant"), text);
        assertTrue(text.contains("no security token is set (SF_SECURITY_TOKEN)"), text);
        assertTrue(text.contains("username-password flow is blocked"), text);
        assertTrue(text.contains("test.salesforce.com"), text);
    }

    @Test
    void shouldSuspectAnOutdatedTokenWhenOneIsSet() {
        String text = LoginDiagnosis.explain(settings("https://test.salesforce.com", AuthenticationType.USERNAME_PASSWORD, true),
                loginError("invalid_grant", "authentication failure"));
        assertTrue(text.contains("outdated security token"), text);
        assertFalse(text.contains("no security token is set"), text);
        assertTrue(text.contains("production or developer org logs in at https://login.salesforce.com"), text);
    }

    @Test
    void shouldExplainAnUnknownConsumerKey() {
        String text = LoginDiagnosis.explain(settings("https://acme.my.salesforce.com", AuthenticationType.CLIENT_CREDENTIALS, false),
                loginError("invalid_client_id", "client identifier invalid"));
        assertTrue(text.contains("consumer key is not known at this host"), text);
    }

    @Test
    void shouldExplainAnUnreachableHost() {
        String text = LoginDiagnosis.explain(settings("http://127.0.0.1:1", AuthenticationType.JWT, false),
                new SalesforceException("Unexpected login error", new ConnectException("Connection refused")));
        assertTrue(text.contains("cannot be reached"), text);
        assertTrue(text.contains("JWT flow"), text);
    }
}
