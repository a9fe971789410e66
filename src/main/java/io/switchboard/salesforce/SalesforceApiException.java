package io.switchboard.salesforce;

import java.util.List;

/**
 * Salesforce refused a request: its HTTP status and first error, with Salesforce's own {@code errorCode} and
 * message kept intact so that operators and API callers see exactly what Salesforce said.
 */
public class SalesforceApiException extends RuntimeException {
    private final int status;
    private final String errorCode;
    private final List<String> fields;

    public SalesforceApiException(int status, String errorCode, String message, List<String> fields, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public List<String> fields() {
        return fields;
    }

    /**
     * Worth retrying as is: Salesforce was busy or unreachable, not refusing the content. A 401 gets here only when
     * the sessions {@link SalesforceClient} renewed for the call were expired each time, as when sessions are revoked
     * in quick succession: the request was not applied and a later try logs in afresh.
     */
    public boolean transientFailure() {
        return status == 0 || status == 401 || status >= 500 || "UNABLE_TO_LOCK_ROW".equals(errorCode)
                || "SERVER_UNAVAILABLE".equals(errorCode);
    }

    /**
     * Worth running the failed step again within its route: Salesforce answered that it is busy, so nothing was
     * applied and the same request may succeed. Not when no answer came (it may have been applied), and not when
     * the event must start over (see subclasses).
     */
    public boolean retryInRoute() {
        return transientFailure() && status != 0;
    }

    /**
     * Refused for its session (401), which a new session cures: the call was not applied and goes again once the
     * session is renewed. Not when Salesforce accepted the login but wants the password changed.
     */
    public boolean sessionExpired() {
        return status == 401 && !"INVALID_OPERATION_WITH_EXPIRED_PASSWORD".equals(errorCode);
    }
}
