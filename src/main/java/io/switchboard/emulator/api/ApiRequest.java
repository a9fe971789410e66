package io.switchboard.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One REST request inside the org, either from HTTP or as a subrequest of a composite call.
 *
 * @param method HTTP method in upper case
 * @param path the path after {@code /services/data/vNN.N}, starting with '/', e.g. {@code /sobjects/Case/500...}
 * @param query decoded query parameters
 * @param headers request headers, names in lower case
 * @param body the parsed JSON body, or null when there is none
 * @param userId the id of the user whose session made the call (decides audit-field permission, CreatedById)
 * @param content the raw body of a request whose resource takes no JSON (a Bulk API CSV upload); null otherwise
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         JsonNode body, String userId, byte[] content) {

    public ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                      JsonNode body, String userId) {
        this(method, path, query, headers, body, userId, null);
    }
}
