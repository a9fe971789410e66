package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.salesforce.SalesforceApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an all-or-none {@code /composite} answer: each subrequest's body by its referenceId, or, when the request
 * was rolled back, the subrequest error that caused it (not the PROCESSING_HALTED of the others) as an exception.
 * An sObject collection answers 200 even when records failed, with each record's errors in its result.
 */
final class CompositeAnswer {
    private static final String HALTED = "PROCESSING_HALTED";
    private static final String ROLLED_BACK = "ALL_OR_NONE_OPERATION_ROLLED_BACK";

    private CompositeAnswer() {
    }

    static Map<String, JsonNode> bodiesByReference(JsonNode answer) {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        SalesforceApiException halted = null;
        for (JsonNode result : answer.path("compositeResponse")) {
            int status = result.path("httpStatusCode").asInt();
            JsonNode body = result.path("body");
            String referenceId = result.path("referenceId").asText();
            JsonNode error = status < 400 ? recordError(body) : body.path(0);
            if (error == null) {
                bodies.put(referenceId, body);
                continue;
            }
            SalesforceApiException failure = failure(status < 400 ? 400 : status, referenceId, error);
            if (!HALTED.equals(failure.errorCode())) {
                throw failure;
            }
            halted = halted == null ? failure : halted;
        }
        if (halted != null) {
            throw halted;
        }
        return bodies;
    }

    /**
     * The error of the record that failed a collection, in the shape of a subrequest error; null when every record
     * was written. The other records of an all-or-none collection only say they were rolled back.
     */
    private static JsonNode recordError(JsonNode body) {
        JsonNode first = null;
        for (JsonNode record : body.isArray() ? body : List.<JsonNode>of()) {
            for (JsonNode error : record.path("errors")) {
                ObjectNode shaped = JsonNodeFactory.instance.objectNode();
                shaped.put("errorCode", error.path("statusCode").asText());
                shaped.put("message", error.path("message").asText());
                if (error.path("fields").isArray()) {
                    shaped.set("fields", error.path("fields"));
                }
                if (!ROLLED_BACK.equals(error.path("statusCode").asText())) {
                    return shaped;
                }
                first = first == null ? shaped : first;
            }
        }
        return first;
    }

    private static SalesforceApiException failure(int status, String referenceId, JsonNode error) {
        List<String> fields = new ArrayList<>();
        error.path("fields").forEach(field -> fields.add(field.asText()));
        return new SalesforceApiException(status, error.path("errorCode").asText("HTTP_" + status),
                referenceId + ": " + error.path("message").asText(), fields, null);
    }
}
