package io.switchboard.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.records.Timestamps;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTTP admin API under {@code /__admin}: JSON in and out, no authentication, mirroring {@link EmulatorAdmin}. */
public final class AdminApi {
    public static final String PREFIX = "/__admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmulatorAdmin admin;

    public AdminApi(EmulatorAdmin admin) {
        this.admin = admin;
    }

    /**
     * @param path the path after {@code /__admin}
     * @param query the decoded query parameters
     */
    public ApiResponse handle(String method, String path, Map<String, String> query, JsonNode body) {
        try {
            return route(method, path, query, body == null ? JSON.createObjectNode() : body);
        } catch (IllegalArgumentException e) {
            return ApiResponse.of(400, Map.of("error", e.getMessage()));
        } catch (SalesforceError e) {
            return ApiResponse.of(e.status(), Map.of("error", e.errorCode() + ": " + e.getMessage()));
        }
    }

    private ApiResponse route(String method, String path, Map<String, String> query, JsonNode body) {
        String call = method + " " + path;
        if (path.startsWith("/records/")) {
            return records(method, path.substring("/records/".length()).split("/"), query, body)
                    .orElseGet(() -> ApiResponse.of(404, Map.of("error", "No admin operation " + call)));
        }
        switch (call) {
            case "POST /reset" -> admin.reset();
            case "GET /requests" -> {
                return ApiResponse.of(200, admin.requests());
            }
            case "DELETE /requests" -> admin.clearRequests();
            case "GET /counters" -> {
                return ApiResponse.of(200, admin.counters());
            }
            case "POST /latency" -> admin.latency(required(body, "millis").asLong());
            case "GET /faults" -> {
                return ApiResponse.of(200, admin.faults());
            }
            case "POST /faults" -> admin.addFault(faultRule(body));
            case "DELETE /faults" -> admin.clearFaults();
            case "POST /sessions/expire" -> expireSessions(body);
            case "GET /limits" -> {
                return ApiResponse.of(200, Map.of("max", admin.apiMax(), "used", admin.apiUsed()));
            }
            case "POST /limits" -> admin.apiLimit(body.path("max").asLong(admin.apiMax()),
                    body.path("used").asLong(admin.apiUsed()));
            case "POST /settings" -> settings(body);
            case "POST /audit-permission" -> admin.auditPermission(required(body, "username").asText(),
                    required(body, "granted").asBoolean());
            case "POST /grants" -> admin.blockGrant(required(body, "grantType").asText(),
                    required(body, "blocked").asBoolean());
            case "POST /jwt-certificate" -> admin.registerJwtCertificate(required(body, "pem").asText());
            case "GET /clock" -> {
                return ApiResponse.of(200, clock());
            }
            case "POST /clock" -> {
                setClock(body);
                return ApiResponse.of(200, clock());
            }
            case "DELETE /clock" -> admin.realTimeClock();
            default -> {
                return ApiResponse.of(404, Map.of("error", "No admin operation " + call));
            }
        }
        return ApiResponse.noContent();
    }

    /** {@code /records/{type}}: list or seed; {@code /records/{type}/{id}?as=username}: change or delete as a user. */
    private Optional<ApiResponse> records(String method, String[] segments, Map<String, String> query,
                                          JsonNode body) {
        String type = segments[0];
        if (segments.length == 1 && method.equals("GET")) {
            return Optional.of(ApiResponse.of(200, admin.records(type)));
        }
        if (segments.length == 1 && method.equals("POST")) {
            return Optional.of(ApiResponse.of(201, Map.of("id", admin.insertRecord(type, fields(body)))));
        }
        if (segments.length == 2 && method.equals("PATCH")) {
            admin.updateRecordAs(actingUser(query), type, segments[1], fields(body));
            return Optional.of(ApiResponse.noContent());
        }
        if (segments.length == 2 && method.equals("DELETE")) {
            admin.deleteRecordAs(actingUser(query), type, segments[1]);
            return Optional.of(ApiResponse.noContent());
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(JsonNode body) {
        return JSON.convertValue(body, Map.class);
    }

    private static String actingUser(Map<String, String> query) {
        String username = query.get("as");
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("as is required: the username of the user who makes the change");
        }
        return username;
    }

    private void expireSessions(JsonNode body) {
        if (body.hasNonNull("username")) {
            admin.expireSessions(body.get("username").asText());
        } else {
            admin.expireSessions();
        }
    }

    private void settings(JsonNode body) {
        if (body.hasNonNull("auditFieldsEnabled")) {
            admin.auditFieldsEnabled(body.get("auditFieldsEnabled").asBoolean());
        }
        if (body.hasNonNull("searchLagMillis")) {
            admin.searchLagMillis(body.get("searchLagMillis").asLong());
        }
        if (body.hasNonNull("bulkChunkDelayMillis")) {
            admin.bulkChunkDelayMillis(body.get("bulkChunkDelayMillis").asLong());
        }
        if (body.hasNonNull("replicationIdLimit")) {
            admin.replicationIdLimit(body.get("replicationIdLimit").asInt());
        }
    }

    private Map<String, Object> clock() {
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("now", Timestamps.format(admin.clockNow()));
        clock.put("frozen", admin.clockFrozen());
        return clock;
    }

    /** {@code now} sets the time (frozen there unless {@code frozen} is false), then {@code advanceMillis} moves it. */
    private void setClock(JsonNode body) {
        if (body.hasNonNull("now")) {
            String now = body.get("now").asText();
            admin.setClock(Timestamps.parseDateTime(now).orElseThrow(() -> new IllegalArgumentException(
                    "now must be an ISO 8601 datetime such as 2026-11-20T10:00:00Z, was: " + now)),
                    body.path("frozen").asBoolean(true));
        } else if (body.hasNonNull("frozen")) {
            admin.freezeClock(body.get("frozen").asBoolean());
        }
        if (body.hasNonNull("advanceMillis")) {
            admin.advanceClock(Duration.ofMillis(body.get("advanceMillis").asLong()));
        }
    }

    private static FaultRule faultRule(JsonNode body) {
        FaultKind kind;
        try {
            kind = FaultKind.valueOf(required(body, "kind").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be one of " + List.of(FaultKind.values()));
        }
        return new FaultRule(kind, body.path("rate").asDouble(0), body.path("count").asInt(0),
                body.path("pathContains").asText(null), body.path("method").asText(null), body.path("status").asInt(0),
                body.path("skip").asInt(0));
    }

    private static JsonNode required(JsonNode body, String name) {
        if (!body.hasNonNull(name)) {
            throw new IllegalArgumentException(name + " is required");
        }
        return body.get(name);
    }
}
