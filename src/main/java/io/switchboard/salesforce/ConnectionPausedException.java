package io.switchboard.salesforce;

import java.time.Instant;

/**
 * A connection's traffic is paused for its org's daily API allowance: the event is not failed but waits, pending,
 * until {@link #resumeCheckAt()}, when the connection is probed again.
 */
public final class ConnectionPausedException extends SalesforceApiException {
    /** The code an event held by a pause shows; a refusal by Salesforce keeps Salesforce's own code. */
    public static final String HELD = "API_PAUSED";

    private final Instant resumeCheckAt;
    private final boolean heldBeforeFirstCall;

    private ConnectionPausedException(int status, String errorCode, String message, Instant resumeCheckAt,
                                      boolean heldBeforeFirstCall, Throwable cause) {
        super(status, errorCode, message, null, cause);
        this.resumeCheckAt = resumeCheckAt;
        this.heldBeforeFirstCall = heldBeforeFirstCall;
    }

    /** The pause stopped an event before it called the connection. */
    static ConnectionPausedException held(String connection, ApiPause.State pause) {
        return new ConnectionPausedException(503, HELD, "connection '" + connection + "' is paused: " + pause.reason()
                + "; next check at " + pause.nextProbe(), pause.nextProbe(), true, null);
    }

    /** Salesforce refused a call for the allowance (REQUEST_LIMIT_EXCEEDED), which paused the connection. */
    static ConnectionPausedException refused(String connection, SalesforceApiException refusal, ApiPause.State pause) {
        return new ConnectionPausedException(refusal.status(), refusal.errorCode(), refusal.getMessage()
                + " (connection '" + connection + "' paused; next check at " + pause.nextProbe() + ")",
                pause.nextProbe(), false, refusal);
    }

    public Instant resumeCheckAt() {
        return resumeCheckAt;
    }

    /** True when the event made no call in this run, so the run wrote nothing and need not count as an attempt. */
    public boolean heldBeforeFirstCall() {
        return heldBeforeFirstCall;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
