package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.RestDispatcher;
import java.util.HashMap;
import java.util.Map;

/**
 * Single REST requests made on behalf of one composite call: same user and headers as the outer request,
 * paths relative to {@code /services/data/vNN.N}.
 */
final class OrgCalls {
    private final RestDispatcher dispatcher;
    private final ApiRequest outer;
    private final String apiVersion;

    OrgCalls(RestDispatcher dispatcher, ApiRequest outer, String apiVersion) {
        this.dispatcher = dispatcher;
        this.outer = outer;
        this.apiVersion = apiVersion;
    }

    String apiVersion() {
        return apiVersion;
    }

    /** The absolute path of a resource in this API version, as Location headers and record urls carry it. */
    String absolute(String path) {
        return "/services/data/v" + apiVersion + path;
    }

    ApiResponse send(String method, String path, Map<String, String> query, JsonNode body) {
        return dispatcher.dispatch(request(method, path, query, body, Map.of()));
    }

    /** Subrequest headers add to the outer request's, which carry the session and content negotiation. */
    ApiRequest request(String method, String path, Map<String, String> query, JsonNode body,
                       Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(outer.headers());
        headers.remove("content-length");
        headers.putAll(extraHeaders);
        return new ApiRequest(method, path, Map.copyOf(query), Map.copyOf(headers), body, outer.userId());
    }

    ApiResponse dispatch(ApiRequest request) {
        return dispatcher.dispatch(request);
    }
}
