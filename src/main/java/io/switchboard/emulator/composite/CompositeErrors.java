package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.SalesforceError;
import java.util.List;

/** The refusals of the composite resources, worded as Salesforce words them, and the error bodies they carry. */
final class CompositeErrors {
    static final String ROLLED_BACK_MESSAGE =
            "The transaction was rolled back since another operation in the same transaction failed.";
    static final String RECORD_ROLLED_BACK_MESSAGE =
            "Record rolled back because not all records were valid and the request was using AllOrNone header";
    static final String BATCH_HALTED_MESSAGE = "Batch processing halted per request";
    static final String NOT_FOUND_MESSAGE = "The requested resource does not exist";

    private CompositeErrors() {
    }

    static SalesforceError methodNotAllowed(String method, String allowed) {
        return new SalesforceError(405, "METHOD_NOT_ALLOWED",
                "HTTP Method '" + method + "' not allowed. Allowed are " + allowed);
    }

    static SalesforceError notFound() {
        return SalesforceError.notFound(NOT_FOUND_MESSAGE);
    }

    static SalesforceError jsonParser(String message) {
        return new SalesforceError(400, "JSON_PARSER_ERROR", message);
    }

    static SalesforceError unrecognizedField(String field) {
        return jsonParser("Unrecognized field \"" + field + "\"");
    }

    static SalesforceError illegalReferenceId(String referenceId) {
        return jsonParser("Provided referenceId ('" + referenceId + "') must start with a letter or a number, "
                + "and it can contain only letters, numbers and underscores ('_').");
    }

    static SalesforceError duplicateReferenceId(String referenceId) {
        return jsonParser("Duplicate referenceId provided in the request: " + referenceId);
    }

    static SalesforceError limitExceeded(String message) {
        return new SalesforceError(400, "LIMIT_EXCEEDED", message);
    }

    static SalesforceError recordLimit(int max) {
        return new SalesforceError(400, "EXCEEDED_ID_LIMIT",
                "record limit reached. cannot submit more than " + max + " records into this call");
    }

    static String unresolvedReference(String expression, String referenceId) {
        return "Invalid reference specified. No value for " + expression + " found in " + referenceId + ".";
    }

    /** The body of a refused REST request: {@code [{"message","errorCode","fields"}]}, fields only when named. */
    static ArrayNode errorBody(SalesforceError error) {
        ObjectNode entry = errorEntry(error.errorCode(), error.getMessage());
        if (!error.fields().isEmpty()) {
            ArrayNode fields = entry.putArray("fields");
            error.fields().forEach(fields::add);
        }
        return Json.array().add(entry);
    }

    static ArrayNode errorBody(String errorCode, String message) {
        return Json.array().add(errorEntry(errorCode, message));
    }

    /** The body every other subrequest answers when an all-or-none unit failed. */
    static ArrayNode processingHalted() {
        return errorBody("PROCESSING_HALTED", ROLLED_BACK_MESSAGE);
    }

    private static ObjectNode errorEntry(String errorCode, String message) {
        ObjectNode entry = Json.object();
        entry.put("message", message);
        entry.put("errorCode", errorCode);
        return entry;
    }

    /** One error as collections and tree results spell it: {@code statusCode}, not errorCode, and always fields. */
    static ObjectNode resultError(String statusCode, String message, List<String> fields) {
        ObjectNode entry = Json.object();
        entry.put("statusCode", statusCode);
        entry.put("message", message);
        ArrayNode names = entry.putArray("fields");
        fields.forEach(names::add);
        return entry;
    }

    static ObjectNode resultError(SalesforceError error) {
        return resultError(error.errorCode(), error.getMessage(), error.fields());
    }
}
