package io.switchboard.salesforce;

import io.switchboard.events.EventHold;
import java.time.Instant;
import java.util.List;

/**
 * Salesforce refused the connection's login (wrong credentials, a blocked flow, an inactive user): the event is not
 * failed but waits, pending, until the next login attempt, and an API call is answered 503 without trying to log in.
 */
public final class LoginRefusedException extends SalesforceApiException implements EventHold {
    /** The code an event held by a refused login shows, and the errorCode of the API's answer. */
    public static final String CODE = "LOGIN_REFUSED";

    private final LoginGate.State refusal;
    private final boolean heldBeforeFirstCall;

    private LoginRefusedException(LoginGate.State refusal, boolean heldBeforeFirstCall) {
        super(503, CODE, refusal.diagnosis() + " No login is tried before " + refusal.nextAttempt() + ".", List.of(),
                null);
        this.refusal = refusal;
        this.heldBeforeFirstCall = heldBeforeFirstCall;
    }

    static LoginRefusedException held(LoginGate.State refusal, boolean heldBeforeFirstCall) {
        return new LoginRefusedException(refusal, heldBeforeFirstCall);
    }

    @Override
    public Instant dueAt() {
        return refusal.nextAttempt();
    }

    @Override
    public boolean heldBeforeFirstCall() {
        return heldBeforeFirstCall;
    }

    @Override
    public String holdCode() {
        return CODE;
    }

    /** The diagnosis alone: the event's own due time already says when it runs again. */
    @Override
    public String holdReason() {
        return refusal.diagnosis();
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
