package io.switchboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.EngineAgainstEmulator;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Query parameters and HTTP headers never share a name space (regression: a client's {@code Connection: close}
 * header was read as the {@code connection} query parameter, so every {@code /api} call through a proxy answered
 * 400 "unknown connection 'close'"). Sent over a raw socket, because Java's HTTP client will not set Connection.
 */
class RequestNameSpacesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().resettingOrgBeforeEach();

    private static RawHttp.Answer send(String method, String target, Map<String, String> extraHeaders, String body)
            throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + RunningEngine.TOKEN);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(extraHeaders);
        return RawHttp.send(rig.engine().port(), method, target, headers, body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "keep-alive"})
    void shouldServeEveryApiCallWhateverTheConnectionHeader(String connection) throws Exception {
        Map<String, String> header = Map.of("Connection", connection);
        RawHttp.Answer global = send("GET", "/api/describe", header, null);
        assertEquals(200, global.status(), global.body());
        RawHttp.Answer described = send("GET", "/api/describe/Case", header, null);
        assertEquals(200, described.status(), described.body());
        RawHttp.Answer created = send("POST", "/api/sobjects/Account", header, "{\"Name\":\"Acme " + connection + "\"}");
        assertEquals(201, created.status(), created.body());
        String id = JSON.readTree(created.body()).path("id").asText();
        RawHttp.Answer read = send("GET", "/api/sobjects/Account/Id/" + id + "?fields=Name", header, null);
        assertEquals(200, read.status(), read.body());
        assertEquals("Acme " + connection, JSON.readTree(read.body()).path("Name").asText());
        RawHttp.Answer updated = send("PATCH", "/api/sobjects/Account/" + id, header, "{\"Name\":\"Acme updated\"}");
        assertEquals(204, updated.status(), updated.body());
        RawHttp.Answer events = send("GET", "/events?limit=5", header, null);
        assertEquals(200, events.status(), events.body());
    }

    @Test
    void shouldStillTakeTheConnectionFromTheQueryString() throws Exception {
        RawHttp.Answer known = send("GET", "/api/describe?connection=default", Map.of("Connection", "close"), null);
        assertEquals(200, known.status(), known.body());
        RawHttp.Answer unknown = send("GET", "/api/describe?connection=other", Map.of(), null);
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("unknown connection 'other'"), unknown.body());
    }

    @Test
    void shouldIgnoreHeadersNamedLikeQueryOrPathParameters() throws Exception {
        Map<String, String> confusing = Map.of("connection", "other", "fields", "Status,Subject", "sobject", "Contact",
                "field", "LastName", "value", "Conti");
        RawHttp.Answer described = send("GET", "/api/describe/Case", confusing, null);
        assertEquals(200, described.status(), described.body());
        assertEquals("Case", JSON.readTree(described.body()).path("name").asText());
        RawHttp.Answer read = send("GET", "/api/sobjects/Case/CaseNumber/" + SeededOrg.SEEDED_CASE_NUMBER, confusing, null);
        assertEquals(200, read.status(), read.body());
        JsonNode record = JSON.readTree(read.body());
        assertEquals(SeededOrg.SEEDED_CASE_ID, record.path("Id").asText());
        assertFalse(record.has("Status"), "a fields header must not choose the fields: " + record);
    }

    @Test
    void shouldIgnoreListFiltersSentAsHeaders() throws Exception {
        String event = Files.readString(Path.of("src/test/resources/events/call-inbound-answered.json"));
        assertEquals(202, send("POST", "/events/call", Map.of(), event).status());
        RawHttp.Answer listed = send("GET", "/events", Map.of("status", "failed", "limit", "0"), null);
        assertEquals(200, listed.status(), listed.body());
        assertEquals(1, JSON.readTree(listed.body()).path("events").size(), listed.body());
        RawHttp.Answer filtered = send("GET", "/events?status=failed", Map.of(), null);
        assertEquals(0, JSON.readTree(filtered.body()).path("events").size(), filtered.body());
    }

    @Test
    void shouldTakeTheEventTypeFromThePathOnly() throws Exception {
        String call = Files.readString(Path.of("src/test/resources/events/call-outbound-answered.json"));
        RawHttp.Answer accepted = send("POST", "/events/call", Map.of("type", "conversation-closed"), call);
        assertEquals(202, accepted.status(), accepted.body());
        String id = JSON.readTree(accepted.body()).path("eventId").asText();
        JsonNode stored = JSON.readTree(send("GET", "/events/" + id, Map.of("eventId", "nothing"), null).body());
        assertEquals("call", stored.path("type").asText(), stored.toString());
    }

    @Test
    void shouldTakeTheTokenAndIdempotencyKeyFromHeadersOnly() throws Exception {
        String event = Files.readString(Path.of("src/test/resources/events/case-acknowledged.json"));
        Map<String, String> json = Map.of("Content-Type", "application/json");
        RawHttp.Answer tokenInQuery = RawHttp.send(rig.engine().port(), "GET",
                "/events?Authorization=Bearer%20" + RunningEngine.TOKEN, Map.of(), null);
        assertEquals(401, tokenInQuery.status(), tokenInQuery.body());
        RawHttp.Answer first = send("POST", "/events/case-acknowledged?Idempotency-Key=first", json, event);
        RawHttp.Answer second = send("POST", "/events/case-acknowledged?Idempotency-Key=second", json, event);
        assertEquals(202, first.status(), first.body());
        assertEquals(200, second.status(), "the key derived from the event decides, not a query parameter: "
                + second.body());
        assertEquals(List.of("duplicate"), List.of(JSON.readTree(second.body()).path("status").asText()));
    }
}
