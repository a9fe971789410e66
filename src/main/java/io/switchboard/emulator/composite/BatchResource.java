package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.ApiUsage;
import io.switchboard.emulator.api.SalesforceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /composite/batch}: up to 25 independent subrequests, each committed on its own and each counted
 * as an API call. Subrequest urls are relative to {@code /services/data}, e.g. {@code v60.0/sobjects/Case}.
 */
final class BatchResource {
    static final int MAX_SUBREQUESTS = 25;
    private static final Set<String> PROPERTIES = Set.of("batchRequests", "haltOnError");
    private static final Set<String> SUBREQUEST_PROPERTIES =
            Set.of("method", "url", "richInput", "binaryPartName", "binaryPartNameAlias");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    private final SubrequestTarget target;
    private final ApiUsage usage;

    BatchResource(SubrequestTarget target, ApiUsage usage) {
        this.target = target;
        this.usage = usage;
    }

    private record BatchSubrequest(String method, String url, JsonNode richInput) {
    }

    private record BatchResult(int statusCode, JsonNode result) {
        boolean failed() {
            return statusCode >= 400;
        }

        ObjectNode toJson() {
            ObjectNode entry = Json.object();
            entry.put("statusCode", statusCode);
            entry.set("result", result);
            return entry;
        }
    }

    ApiResponse post(JsonNode body) {
        ObjectNode request = RequestJson.strictObject(body, "the request body", PROPERTIES);
        boolean haltOnError = RequestJson.optionalBoolean(request, "haltOnError", false);
        List<BatchSubrequest> subrequests = subrequests(RequestJson.requiredArray(request, "batchRequests"));
        List<BatchResult> results = runAll(subrequests, haltOnError);
        ArrayNode entries = Json.array();
        results.forEach(result -> entries.add(result.toJson()));
        ObjectNode answer = Json.object();
        answer.put("hasErrors", results.stream().anyMatch(BatchResult::failed));
        answer.set("results", entries);
        return ApiResponse.of(200, answer);
    }

    private List<BatchResult> runAll(List<BatchSubrequest> subrequests, boolean haltOnError) {
        List<BatchResult> results = new ArrayList<>();
        boolean halted = false;
        int executed = 0;
        for (BatchSubrequest subrequest : subrequests) {
            if (halted) {
                results.add(new BatchResult(412,
                        CompositeErrors.errorBody("BATCH_PROCESSING_HALTED", CompositeErrors.BATCH_HALTED_MESSAGE)));
                continue;
            }
            BatchResult result = execute(subrequest);
            executed++;
            results.add(result);
            halted = haltOnError && result.failed();
        }
        countBeyondTheOuterCall(executed);
        return results;
    }

    /** Each executed subrequest is an API call; the HTTP layer has already counted the batch request as one. */
    private void countBeyondTheOuterCall(int executed) {
        if (executed > 1) {
            usage.add(executed - 1);
        }
    }

    private BatchResult execute(BatchSubrequest subrequest) {
        try {
            ApiResponse response = target.send(subrequest.method(), "/services/data/" + subrequest.url(),
                    subrequest.richInput(), Map.of());
            return new BatchResult(response.status(), Json.tree(response.body()));
        } catch (SalesforceError refused) {
            return new BatchResult(refused.status(), CompositeErrors.errorBody(refused));
        }
    }

    /** Malformed subrequests refuse the whole batch before any runs, whatever haltOnError says. */
    private static List<BatchSubrequest> subrequests(ArrayNode nodes) {
        if (nodes.size() > MAX_SUBREQUESTS) {
            throw CompositeErrors.limitExceeded(
                    "The batch has " + nodes.size() + " subrequests; the limit is " + MAX_SUBREQUESTS);
        }
        List<BatchSubrequest> subrequests = new ArrayList<>();
        for (JsonNode node : nodes) {
            ObjectNode subrequest = RequestJson.strictObject(node, "a batch subrequest", SUBREQUEST_PROPERTIES);
            String method = RequestJson.requiredText(subrequest, "method");
            if (!METHODS.contains(method)) {
                throw CompositeErrors.jsonParser("Unsupported method \"" + method + "\" in a batch subrequest");
            }
            if (subrequest.has("binaryPartName") || subrequest.has("binaryPartNameAlias")) {
                throw CompositeErrors.jsonParser("Binary parts need a multipart batch request");
            }
            subrequests.add(new BatchSubrequest(method, RequestJson.requiredText(subrequest, "url"),
                    subrequest.get("richInput")));
        }
        return subrequests;
    }
}
