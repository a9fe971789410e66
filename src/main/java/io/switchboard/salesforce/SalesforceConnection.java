package io.switchboard.salesforce;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured org as every call to it sees it: its settings, the session of its camel-salesforce component, the
 * login gate that lets one login through at a time, the API-allowance pause and the statistics of its calls. Whoever
 * calls, a route's endpoint step or a Java step's look-up, passes through {@link SalesforceCallGuard}, which asks
 * this connection before the call and tells it the answer after.
 */
public final class SalesforceConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SalesforceConnection.class);
    private static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";

    private final ConnectionSettings settings;
    private final ConnectionStats stats;
    private final ApiPause pause;
    private final LoginGate login;
    private final ComponentSession session;
    /** The token of a session Salesforce refused with 401; the next call renews it before it goes. */
    private final AtomicReference<String> refusedToken = new AtomicReference<>();

    SalesforceConnection(CamelContext camelContext, ConnectionSettings settings, ConnectionStats stats, ApiPause pause,
                         LoginGate login) {
        this.settings = settings;
        this.stats = stats;
        this.pause = pause;
        this.login = login;
        this.session = new ComponentSession(camelContext, settings);
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public ConnectionStats stats() {
        return stats;
    }

    public ApiPause pause() {
        return pause;
    }

    /**
     * Lets an event start calling this org: logs in first if there is no session yet, raises
     * {@link LoginRefusedException} while the login is refused and {@link ConnectionPausedException} while the org's
     * API allowance holds its traffic (both held before the event's first call, so they cost it no attempt); makes the
     * due login retry or allowance probe, which is one call through {@code probe}.
     */
    void admitEvent(Supplier<ApiPause.Usage> probe) {
        // the login first: the pause's probe is itself a call
        login.admit(session, true);
        pause.admit(probe::get);
    }

    /**
     * Before any call: a session to make it with. The one login of whoever came first when there is none, or when
     * Salesforce refused the current one (every call refused with it shares that one renewal).
     */
    String sessionForCall() {
        String refused = refusedToken.get();
        if (refused != null && refused.equals(session.token())) {
            login.renew(session, refused);
        }
        login.admit(session, false);
        return session.token();
    }

    /**
     * A call was refused with 401 on {@code token}'s session: the next call renews it. Only noted here: this runs
     * on the HTTP client's thread, which must not wait for a login.
     */
    void sessionRefused(String token) {
        refusedToken.set(token);
    }

    /** Salesforce answered: its usage counts towards the pause. */
    void answered(long elapsedNanos, String limitInfo) {
        stats.record(ConnectionStats.Outcome.OK, elapsedNanos, limitInfo, null);
        pause.observe(stats.apiUsed(), stats.apiMax());
    }

    /** The call failed: recorded, and answered with what the caller should see (a pause for REQUEST_LIMIT_EXCEEDED). */
    SalesforceApiException failed(SalesforceApiException failure, long elapsedNanos, String limitInfo) {
        stats.record(failure.transientFailure() ? ConnectionStats.Outcome.TRANSIENT : ConnectionStats.Outcome.REFUSED,
                elapsedNanos, limitInfo, failure);
        return REQUEST_LIMIT_EXCEEDED.equals(failure.errorCode()) ? pause.refused(failure) : failure;
    }

    /** Logs in as the engine starts and reports who the connection acts as, or why it cannot; never throws. */
    void logInAtStart() {
        try {
            login.admit(session, true);
            String user = settings.username() == null ? "user " + session.userId()
                    : settings.username() + " (" + session.userId() + ")";
            LOG.info("Connection '{}' logged in as {} at {}", settings.name(), user, session.instanceUrl());
        } catch (LoginRefusedException e) {
            // the gate has logged the refusal with its diagnosis and the time of the next attempt
        } catch (SalesforceApiException e) {
            LOG.warn("Connection '{}' could not log in at start-up: {} The first event or API call tries again.",
                    settings.name(), e.getMessage());
        }
    }

    /** Makes the refused login's retry when it is due, so that the connection recovers without traffic. */
    void retryLoginIfDue() {
        if (login.retryDue()) {
            try {
                login.admit(session, true);
            } catch (LoginRefusedException e) {
                // refused again: the gate has logged it with the time of the next attempt
            }
        }
    }

    /** The id of the user this connection logs in as, from the login's identity URL; logs in first if need be. */
    String runningUserId() {
        login.admit(session, false);
        return session.userId();
    }
}
