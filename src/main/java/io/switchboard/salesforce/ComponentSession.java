package io.switchboard.salesforce;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.internal.SalesforceSession;
import org.eclipse.jetty.client.ContentResponse;

/**
 * The session of one connection's camel-salesforce component as its {@link LoginGate} drives it. A login is the
 * component's own login request, sent once and read by the component, so that every endpoint of the component
 * gets the new token; it goes to the instance URL once one is known, as camel-salesforce's re-login does.
 */
final class ComponentSession implements LoginGate.Session {
    private final CamelContext camelContext;
    private final ConnectionSettings settings;
    private volatile SalesforceSession session;

    ComponentSession(CamelContext camelContext, ConnectionSettings settings) {
        this.camelContext = camelContext;
        this.settings = settings;
    }

    @Override
    public String token() {
        return session().getAccessToken();
    }

    @Override
    public LoginGate.Outcome logIn() {
        SalesforceSession current = session();
        try {
            ContentResponse answer = current.getLoginRequest(null).send();
            current.parseLoginResponse(answer, answer.getContentAsString());
            return LoginGate.Outcome.loggedIn();
        } catch (SalesforceException e) {
            return refusal(e.getStatusCode())
                    ? LoginGate.Outcome.refused(LoginDiagnosis.explain(settings, e))
                    : failed(e.getStatusCode(), e);
        } catch (ExecutionException e) {
            return failed(0, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            return failed(0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(0, e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the request could not be made (a JWT keystore that cannot sign): the same every time, so refused
            return LoginGate.Outcome.refused(LoginDiagnosis.explain(settings, e));
        }
    }

    /** The id of the user the session acts for, from the login's identity URL. */
    String userId() {
        String identity = session().getId();
        return identity.substring(identity.lastIndexOf('/') + 1);
    }

    String instanceUrl() {
        return session().getInstanceUrl();
    }

    /**
     * Salesforce answers a refused login with 400 and an OAuth error (invalid_grant, invalid_client_id, ...); any
     * client error but a timeout or rate limit says the same request will be refused again.
     */
    private static boolean refusal(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    private LoginGate.Outcome failed(int status, Throwable cause) {
        return LoginGate.Outcome.failed(new SalesforceApiException(status, "LOGIN_FAILED",
                LoginDiagnosis.explain(settings, cause), List.of(), cause));
    }

    private SalesforceSession session() {
        if (session == null) {
            session = camelContext.getComponent(settings.componentName(), SalesforceComponent.class).getSession();
        }
        return session;
    }
}
