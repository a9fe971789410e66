package io.switchboard.processing;

import io.switchboard.events.EventHold;
import io.switchboard.salesforce.SalesforceApiException;
import java.io.IOException;

/**
 * How a failed event is treated, decided in this one place for both the routes' shared error handling
 * ({@code routes/salesforce-errors.camel.yaml}) and the worker.
 */
public enum FailureKind {
    /** Not a failure ({@link EventHold}): the event waits, pending, until it is due again, e.g. for a paused connection. */
    HELD,
    /** Salesforce answered that it is busy (5xx, UNABLE_TO_LOCK_ROW): the write was not applied, retry as is. */
    TRANSIENT_ANSWERED,
    /** No answer (timeout, reset, refused connection): worth retrying, outcome unknown. */
    TRANSIENT_UNANSWERED,
    /** Refused as it is (validation, mapping, permissions): failed at once with the reason. */
    PERMANENT;

    public static FailureKind of(Throwable failure) {
        if (find(failure, EventHold.class) != null) {
            return HELD;
        }
        SalesforceApiException salesforce = find(failure, SalesforceApiException.class);
        if (salesforce != null) {
            if (!salesforce.transientFailure()) {
                return PERMANENT;
            }
            return salesforce.retryInRoute() ? TRANSIENT_ANSWERED : TRANSIENT_UNANSWERED;
        }
        return find(failure, IOException.class) != null ? TRANSIENT_UNANSWERED : PERMANENT;
    }

    public boolean isTransient() {
        return this == TRANSIENT_ANSWERED || this == TRANSIENT_UNANSWERED;
    }

    /**
     * Whether the failed step may simply run again within the route. Only when Salesforce answered: a write left
     * without answer may have been applied, and only the whole route's retry (which knows it is a retry) checks
     * what the first attempt wrote.
     */
    public boolean redeliverInRoute() {
        return this == TRANSIENT_ANSWERED;
    }

    static <T> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
