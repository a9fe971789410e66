package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs one resolved subrequest: sObject collections in this package, everything else through the dispatcher,
 * exactly as if sent alone. Refusals come back as {@link io.switchboard.emulator.api.SalesforceError}.
 */
final class SubrequestTarget {
    private final OrgCalls calls;
    private final CollectionsResource collections;
    private final SubrequestScope scope;

    SubrequestTarget(OrgCalls calls, CollectionsResource collections, SubrequestScope scope) {
        this.calls = calls;
        this.collections = collections;
        this.scope = scope;
    }

    /** @param url absolute, {@code /services/data/vNN.N/...} */
    ApiResponse send(String method, String url, JsonNode body, Map<String, String> headers) {
        SubrequestUrl parsed = SubrequestUrl.parse(url, calls.apiVersion());
        if (!scope.allows(parsed)) {
            throw CompositeErrors.notFound();
        }
        ApiRequest request = calls.request(method, parsed.path(), parsed.query(), body, headers);
        if (parsed.isUnder("/composite/sobjects")) {
            return collections.handle(request, calls);
        }
        return withLocation(parsed, calls.dispatch(request));
    }

    /** Salesforce points at a record it created with a Location header, also inside composite answers. */
    private ApiResponse withLocation(SubrequestUrl url, ApiResponse response) {
        String[] segments = url.path().split("/");
        JsonNode id = Json.tree(response.body()).get("id");
        if (response.status() != 201 || segments.length < 3 || !"sobjects".equals(segments[1]) || id == null
                || response.headers().containsKey("Location")) {
            return response;
        }
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put("Location", calls.absolute("/sobjects/" + segments[2] + "/" + id.asText()));
        return new ApiResponse(response.status(), response.body(), headers);
    }
}
