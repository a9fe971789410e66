package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.salesforce.SalesforceApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an all-or-none {@code /composite} answer: each subrequest's body by its referenceId, or, when the request
 * was rolled back, the subrequest error that caused it (not the PROCESSING_HALTED of the others) as an exception.
 */
final class CompositeAnswer {
    private static final String HALTED = "PROCESSING_HALTED";

    private CompositeAnswer() {
    }

    static Map<String, JsonNode> bodiesByReference(JsonNode answer) {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        SalesforceApiException halted = null;
        for (JsonNode result : answer.path("compositeResponse")) {
            int status = result.path("httpStatusCode").asInt();
            JsonNode body = result.path("body");
            if (status < 400) {
                bodies.put(result.path("referenceId").asText(), body);
                continue;
            }
            SalesforceApiException failure = failure(status, result.path("referenceId").asText(), body.path(0));
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

    private static SalesforceApiException failure(int status, String referenceId, JsonNode error) {
        List<String> fields = new ArrayList<>();
        error.path("fields").forEach(field -> fields.add(field.asText()));
        return new SalesforceApiException(status, error.path("errorCode").asText("HTTP_" + status),
                referenceId + ": " + error.path("message").asText(), fields, null);
    }
}
