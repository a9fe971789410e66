package io.switchboard.salesforce;

import io.switchboard.events.EventHold;
import java.time.Instant;

/**
 * A connection's traffic is paused for its org's daily API allowance: the event is not failed but waits, pending,
 * until {@link #resumeCheckAt()}, when the connection is probed again.
 */
public final class ConnectionPausedException extends SalesforceApiException implements EventHold {
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

    @Override
    public Instant dueAt() {
        return resumeCheckAt;
    }

    @Override
    public boolean heldBeforeFirstCall() {
        return heldBeforeFirstCall;
    }

    @Override
    public String holdCode() {
        return errorCode();
    }

    @Override
    public String holdReason() {
        return getMessage();
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
