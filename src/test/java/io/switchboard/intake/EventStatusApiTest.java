package io.switchboard.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.engine.EngineAgainstEmulator;
import io.switchboard.engine.Eventually;
import io.switchboard.events.EventOutcome;
import io.switchboard.store.EventStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The event status API over real HTTP. Calls go to a test route that creates a Task;
 * conversations have no route in this engine (its routes/ leaves theirs out), so they fail and can be replayed.
 */
class EventStatusApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // with test routes given, the engine runs without the behaviour routes: only the test's call route exists
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().withTestRoutes(new RouteBuilder() {
        @Override
        public void configure() {
            from("direct:call").routeId("test-call").process(exchange -> exchange
                    .getProperty(EventOutcome.PROPERTY, EventOutcome.class).produced("Task", "00T000000000009AAA", "created"));
        }
    });
    private static int events;

    private static String post(String type, String example, String idField) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/events/" + example + ".json")));
        event.put(idField, "status-api-" + (++events));
        HttpResponse<String> response = rig.engine().postEvent(type, event.toString());
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("eventId").asText();
    }

    private static String doneCall() throws Exception {
        String id = post("call", "call-inbound-answered", "callId");
        Eventually.reaches(rig.engine().store(), id, EventStatus.DONE);
        return id;
    }

    private static String failedConversation() throws Exception {
        String id = post("conversation-closed", "conversation-closed", "conversationId");
        Eventually.reaches(rig.engine().store(), id, EventStatus.FAILED);
        return id;
    }

    private static JsonNode getJson(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = rig.engine().get(path);
        assertEquals(expectedStatus, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        return JSON.readTree(response.body());
    }

    @Test
    void shouldShowADoneEventWithTheRecordsItProduced() throws Exception {
        String id = doneCall();
        JsonNode event = getJson("/events/" + id, 200);
        assertEquals(List.of("eventId", "type", "source", "status", "attempts", "receivedAt", "updatedAt", "records",
                "warnings", "error"), fieldNames(event));
        assertEquals(id, event.path("eventId").asText());
        assertEquals("call", event.path("type").asText());
        assertEquals("xcally", event.path("source").asText());
        assertEquals("done", event.path("status").asText());
        assertEquals(1, event.path("attempts").asInt());
        assertEquals(JSON.readTree("[{\"sobject\":\"Task\",\"id\":\"00T000000000009AAA\",\"action\":\"created\"}]"),
                event.path("records"));
        assertTrue(event.path("error").isNull());
        assertTrue(event.path("receivedAt").asText().endsWith("Z"), event.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void shouldShowWhyAFailedEventFailed() throws Exception {
        JsonNode event = getJson("/events/" + failedConversation(), 200);
        assertEquals("failed", event.path("status").asText());
        assertEquals("NO_ROUTE", event.path("error").path("code").asText());
        assertTrue(event.path("error").path("message").asText().contains("direct:conversation-closed"), event.toString());
    }

    @Test
    void shouldAnswer404ForAnEventItDoesNotKnow() throws Exception {
        assertEquals("not_found", getJson("/events/no-such-event", 404).path("error").asText());
    }

    @Test
    void shouldListEventsOfAStatusNewestFirst() throws Exception {
        String older = failedConversation();
        String newer = failedConversation();
        doneCall();
        JsonNode page = getJson("/events?status=failed&limit=2", 200);
        assertEquals(2, page.path("events").size());
        assertEquals(newer, page.path("events").get(0).path("eventId").asText());
        assertEquals(older, page.path("events").get(1).path("eventId").asText());
        page.path("events").forEach(event -> assertEquals("failed", event.path("status").asText()));
        assertTrue(getJson("/events", 200).path("events").size() >= 3, "no status lists events of every status");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"status=broken, status, 'must be one of pending, processing, done, failed, skipped'",
            "limit=0, limit, must be a whole number from 1 to 500",
            "limit=501, limit, must be a whole number from 1 to 500",
            "limit=ten, limit, must be a whole number from 1 to 500"})
    void shouldRefuseAListQueryNamingTheParameter(String query, String field, String message) throws Exception {
        JsonNode answer = getJson("/events?" + query, 400);
        assertEquals("invalid_request", answer.path("error").asText());
        assertEquals(field, answer.path("problems").get(0).path("field").asText());
        assertEquals(message, answer.path("problems").get(0).path("message").asText());
    }

    @Test
    void shouldReplayAFailedEventAndRefuseADoneOne() throws Exception {
        String failed = failedConversation();
        HttpResponse<String> replayed = rig.engine().send(rig.engine().request("/events/" + failed + "/replay").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, replayed.statusCode(), replayed.body());
        assertEquals("pending", JSON.readTree(replayed.body()).path("status").asText());
        Eventually.matches(rig.engine().store(), failed, event -> event.status() == EventStatus.FAILED && event.attempts() == 1,
                "failed again after one new attempt");

        HttpResponse<String> refused = rig.engine().send(rig.engine().request("/events/" + doneCall() + "/replay").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("not_replayable", JSON.readTree(refused.body()).path("error").asText());

        HttpResponse<String> unknown = rig.engine().send(rig.engine().request("/events/no-such-event/replay").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(404, unknown.statusCode(), unknown.body());
    }

    @Test
    void shouldRequireTheTokenOnEveryCall() throws Exception {
        String id = doneCall();
        List<HttpRequest.Builder> calls = List.of(rig.engine().request("/events/" + id).GET(), rig.engine().request("/events?status=done").GET(),
                rig.engine().request("/events/" + id + "/replay").POST(HttpRequest.BodyPublishers.noBody()));
        for (HttpRequest.Builder call : calls) {
            HttpResponse<String> response = rig.engine().send(call.setHeader("Authorization", "Bearer not-the-token"));
            assertEquals(401, response.statusCode(), response.body());
            assertEquals("{\"error\":\"unauthorized\"}", response.body());
        }
    }
}
