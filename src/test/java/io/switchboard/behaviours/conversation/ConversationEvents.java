package io.switchboard.behaviours.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.Eventually;
import io.switchboard.engine.RunningEngine;
import io.switchboard.mapping.LiveMappings;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts conversation-closed events to a running engine over HTTP, waits for each to finish, and reads what the
 * emulator then holds.
 */
final class ConversationEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("src/test/resources/events/conversation-closed.json");
    private static final Set<String> FINISHED = Set.of("done", "failed", "skipped");
    private static final AtomicInteger CONVERSATIONS = new AtomicInteger(5000);
    private static final AtomicInteger NEW_CUSTOMERS = new AtomicInteger();

    private final RunningEngine engine;
    private final SalesforceEmulator emulator;

    ConversationEvents(RunningEngine engine, SalesforceEmulator emulator) {
        this.engine = engine;
        this.emulator = emulator;
    }

    /** The contract's example with a conversation id of its own, so that it is never a duplicate. */
    static ObjectNode example() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(EXAMPLE));
        event.put("conversationId", String.valueOf(CONVERSATIONS.incrementAndGet()));
        return event;
    }

    /** The example from a customer nobody has the number of, its third message's one file sent as a URL only. */
    static ObjectNode withUrlAttachment(String fileName, String contentType, String url) throws IOException {
        ObjectNode event = example();
        event.putObject("customer").put("phone", String.format("+44770091%04d", NEW_CUSTOMERS.incrementAndGet()))
                .put("name", "New Customer");
        ((ObjectNode) event.path("messages").path(2)).putArray("attachments").addObject().put("fileName", fileName)
                .put("contentType", contentType).put("url", url);
        return event;
    }

    /** Rewrites the engine's copy of config/conversation-closed.yaml and has it loaded now; fails unless it loads. */
    void editMapping(Path mapping, String text) throws IOException {
        Files.writeString(mapping, text);
        assertTrue(engine.engine().camelContext().getRegistry().lookupByNameAndType("mappings", LiveMappings.class)
                .reload(List.of(mapping.getFileName().toString())), "the edited file loads");
    }

    /** The contract's example exactly as written. */
    static ObjectNode contractExample() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(EXAMPLE));
    }

    /** Posts the event and answers its status ({@code GET /events/{id}}) once it has finished. */
    JsonNode process(JsonNode event) throws Exception {
        HttpResponse<String> accepted = engine.postEvent("conversation-closed", event.toString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String eventId = JSON.readTree(accepted.body()).path("eventId").asText();
        Eventually.matches(engine.store(), eventId, stored -> FINISHED.contains(stored.status().label()), "an end");
        HttpResponse<String> status = engine.get("/events/" + eventId);
        assertEquals(200, status.statusCode(), status.body());
        return JSON.readTree(status.body());
    }

    /** Posts the event and answers the one Case it created. */
    Map<String, Object> processToCase(JsonNode event) throws Exception {
        JsonNode status = process(event);
        assertEquals("done", status.path("status").asText(), status.toString());
        return onlyCase(event.path("customer").path("phone").asText() + " [" + event.path("conversationId").asText() + "]");
    }

    Map<String, Object> onlyCase(String subject) {
        List<Map<String, Object>> cases = records("Case", "Subject", subject);
        assertEquals(1, cases.size(), "Cases with subject " + subject + ": " + cases);
        return cases.get(0);
    }

    /** The comments of a Case in the order they were written. */
    List<Map<String, Object>> comments(Map<String, Object> theCase) {
        return records("CaseComment", "ParentId", theCase.get("Id"));
    }

    List<Map<String, Object>> records(String sobject, String field, Object value) {
        return emulator.admin().records(sobject).stream().filter(record -> value.equals(record.get(field))).toList();
    }

    static List<String> texts(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
