package io.switchboard.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.engine.RunningEngine;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds, posts and reads back the events of the limit tests: calls, acknowledged cases and closed conversations. */
final class LimitEvents {
    static final ObjectMapper JSON = new ObjectMapper();

    private LimitEvents() {
    }

    static ObjectNode example(String name) throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/events", name + ".json")));
    }

    static ObjectNode call(String callId, String queue) throws IOException {
        return example("call-inbound-answered").put("callId", callId).put("queue", queue);
    }

    static ObjectNode acknowledged(String caseId) throws IOException {
        return example("case-acknowledged").put("caseId", caseId);
    }

    static ObjectNode conversation(String conversationId) throws IOException {
        return example("conversation-closed").put("conversationId", conversationId);
    }

    /** The Case subject the default mapping gives a conversation of the example's customer. */
    static String caseSubject(String conversationId) {
        return "+393331234567 [" + conversationId + "]";
    }

    /** Posts an event and answers its id; fails unless it was accepted. */
    static String post(RunningEngine engine, String type, JsonNode event) throws Exception {
        HttpResponse<String> answer = engine.postEvent(type, event.toString());
        if (answer.statusCode() != 202) {
            throw new AssertionError("expected 202 for " + type + ", got " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).path("eventId").asText();
    }

    static JsonNode status(RunningEngine engine, String eventId) throws Exception {
        return JSON.readTree(engine.get("/events/" + eventId).body());
    }

    /** How many records of a list have the field set to the value. */
    static long count(List<Map<String, Object>> records, String field, Object value) {
        return records.stream().filter(record -> value.equals(record.get(field))).count();
    }
}
