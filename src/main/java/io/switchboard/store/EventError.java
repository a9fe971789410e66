package io.switchboard.store;

/** Why an event failed, was skipped or is waiting for a retry: Salesforce's errorCode and message, or our own. */
public record EventError(String code, String message) {
}
