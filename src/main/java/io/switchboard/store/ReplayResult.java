package io.switchboard.store;

/** What asking to replay an event did. */
public enum ReplayResult {
    /** The failed or skipped event is pending again. */
    REQUEUED,
    /** No event has that id. */
    NOT_FOUND,
    /** The event is pending, processing or done; replaying it could write to Salesforce twice. */
    NOT_REPLAYABLE
}
