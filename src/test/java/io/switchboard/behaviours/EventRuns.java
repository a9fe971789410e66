package io.switchboard.behaviours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.engine.RunningEngine;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs events through a started engine as a source platform would: posted over HTTP with the bearer token, then
 * followed through {@code GET /events/{id}} until they are done, failed or skipped.
 */
final class EventRuns {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINISHED = Set.of("done", "failed", "skipped");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private EventRuns() {
    }

    /** A contract example from {@code src/test/resources/events/}, to change before posting. */
    static ObjectNode example(String name) throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/events", name + ".json")));
    }

    /** Posts under a fresh idempotency key (so each test's event is new) and answers the finished event. */
    static JsonNode run(RunningEngine engine, String type, JsonNode event) throws Exception {
        return awaitFinished(engine, post(engine, type, event, UUID.randomUUID().toString()));
    }

    static String post(RunningEngine engine, String type, JsonNode event, String idempotencyKey) throws Exception {
        HttpResponse<String> answer = engine.send(engine.request("/events/" + type)
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())));
        assertEquals(202, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).path("eventId").asText();
    }

    static JsonNode awaitFinished(RunningEngine engine, String eventId) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode event = null;
        while (Instant.now().isBefore(deadline)) {
            event = JSON.readTree(engine.get("/events/" + eventId).body());
            if (FINISHED.contains(event.path("status").asText())) {
                return event;
            }
            Thread.sleep(20);
        }
        return fail("event " + eventId + " did not finish within " + PATIENCE + "; last seen: " + event);
    }

    /** The one record of a type whose field has the value; fails if there is none or several. */
    static Map<String, Object> only(List<Map<String, Object>> records, String field, Object value) {
        List<Map<String, Object>> matching = records.stream().filter(record -> value.equals(record.get(field))).toList();
        assertEquals(1, matching.size(), "records with " + field + " = " + value + ": " + matching);
        return matching.get(0);
    }

    /** One entry of an event's {@code records}, compared whole so a failure shows all three parts. */
    static void assertRecord(JsonNode record, String sobject, String id, String action) {
        assertEquals(sobject + " " + id + " " + action, record.path("sobject").asText() + " "
                + record.path("id").asText() + " " + record.path("action").asText());
    }
}
