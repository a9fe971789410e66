package io.switchboard.emulator.api;

import java.util.List;

/**
 * A refusal answered the way Salesforce answers it: an HTTP status and a JSON array of
 * {@code {"message","errorCode","fields"}}. Thrown anywhere in the emulator and turned into the answer at the edge.
 */
public class SalesforceError extends RuntimeException {
    private final int status;
    private final String errorCode;
    private final List<String> fields;

    public SalesforceError(int status, String errorCode, String message, List<String> fields) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = List.copyOf(fields);
    }

    public SalesforceError(int status, String errorCode, String message) {
        this(status, errorCode, message, List.of());
    }

    public int status() { return status; }
    public String errorCode() { return errorCode; }
    public List<String> fields() { return fields; }

    /** Whether the error body lists {@code fields}: Salesforce does on record-level (400) refusals, even when empty. */
    public boolean listsFields() {
        return status == 400 || !fields.isEmpty();
    }

    public static SalesforceError malformedQuery(String message) {
        return new SalesforceError(400, "MALFORMED_QUERY", message);
    }

    public static SalesforceError notFound(String message) {
        return new SalesforceError(404, "NOT_FOUND", message);
    }
}
