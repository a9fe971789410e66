package io.switchboard.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * Salesforce API calls read from the emulator's per-endpoint counters: every REST call under
 * {@code /services/data}, not the OAuth logins and identity look-ups, which Salesforce does not count either.
 */
final class ApiCalls {
    private ApiCalls() {
    }

    static long total(Map<String, Long> counters) {
        return apiEndpoints(counters).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The counters of API endpoints only, such as {@code GET /search} or {@code POST /composite}. */
    static Map<String, Long> apiEndpoints(Map<String, Long> counters) {
        Map<String, Long> api = new TreeMap<>();
        counters.forEach((endpoint, count) -> {
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (!path.startsWith("/services/") && !path.startsWith("/id/")) {
                api.put(endpoint, count);
            }
        });
        return api;
    }
}
