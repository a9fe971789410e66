package io.switchboard.emulator.composite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.api.ApiRequest;
import java.io.UncheckedIOException;
import java.util.Map;

/** Builds the outer requests the tests send and parses the JSON they expect. */
final class Requests {
    static final String USER = "005000000000001AAA";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Requests() {
    }

    /** Parses JSON written with single quotes, to keep expected bodies readable. */
    static JsonNode json(String singleQuoted) {
        try {
            return MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiRequest post(String path, String body) {
        return request("POST", path, Map.of(), json(body));
    }

    static ApiRequest request(String method, String path, Map<String, String> query, JsonNode body) {
        return new ApiRequest(method, path, query, Map.of("authorization", "Bearer token"), body, USER);
    }
}
