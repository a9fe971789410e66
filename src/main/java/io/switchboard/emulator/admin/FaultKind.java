package io.switchboard.emulator.admin;

/** The failures the emulator can inject into API calls, each answered as Salesforce answers it. */
public enum FaultKind {
    /** 503 SERVER_UNAVAILABLE. */
    SERVER_UNAVAILABLE,
    /** UNABLE_TO_LOCK_ROW, by default with 400 as Salesforce sends it. */
    UNABLE_TO_LOCK_ROW,
    /** The caller's session is invalidated, then 401 INVALID_SESSION_ID. */
    SESSION_EXPIRED,
    /** 403 REQUEST_LIMIT_EXCEEDED, whatever the usage counter says. */
    REQUEST_LIMIT_EXCEEDED,
    /** 400 STORAGE_LIMIT_EXCEEDED: the org's data storage is full, a refusal no retry overcomes. */
    STORAGE_LIMIT_EXCEEDED,
    /** The request is carried out, then the connection is closed without an answer. */
    DROP_AFTER_WRITE
}
