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
    private final boolean listsFields;

    public SalesforceError(int status, String errorCode, String message, List<String> fields) {
        this(status, errorCode, message, fields, status == 400);
    }

    private SalesforceError(int status, String errorCode, String message, List<String> fields, boolean listsFields) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = List.copyOf(fields);
        this.listsFields = listsFields;
    }

    public SalesforceError(int status, String errorCode, String message) {
        this(status, errorCode, message, List.of());
    }

    public int status() { return status; }
    public String errorCode() { return errorCode; }
    public List<String> fields() { return fields; }

    /**
     * Whether the answer carries {@code fields} even when it names none: Salesforce does for refusals of one
     * record's data (every 400, and a deleted record whatever its status), not for missing resources.
     */
    public boolean listsFields() { return listsFields; }

    public static SalesforceError malformedQuery(String message) {
        return new SalesforceError(400, "MALFORMED_QUERY", message);
    }

    public static SalesforceError notFound(String message) {
        return new SalesforceError(404, "NOT_FOUND", message);
    }

    /** A read or write of a record that is in the recycle bin. */
    public static SalesforceError entityIsDeleted() {
        return new SalesforceError(404, "ENTITY_IS_DELETED", "entity is deleted", List.of(), true);
    }
}
