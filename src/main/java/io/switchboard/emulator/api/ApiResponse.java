package io.switchboard.emulator.api;

import java.util.Map;

/**
 * The answer to an {@link ApiRequest}.
 *
 * @param body a Jackson-serialisable value (JsonNode, Map, List, record), a {@link RawBody} sent as it is, or null
 *             for an empty body (204)
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {
    public static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, body, Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }
}
