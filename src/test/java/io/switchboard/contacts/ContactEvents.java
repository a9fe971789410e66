package io.switchboard.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.engine.RunningEngine;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/** Contact events posted to a running engine as the platform posts them, and followed until they finish. */
final class ContactEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINISHED = Set.of("done", "failed", "skipped");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /** Every source contact a test posted about, so that the next test starts with no links. */
    private static final Set<String> POSTED = ConcurrentHashMap.newKeySet();

    private ContactEvents() {
    }

    static void forgetLinks(RunningEngine engine) {
        POSTED.forEach(contactId -> engine.store().contactLinks().forget("cinnox", contactId));
        POSTED.clear();
    }

    /** A contact-changed event of cinnox with the given phones and emails. */
    static ObjectNode change(String contactId, String change, String changedAt, List<String> phones, List<String> emails) {
        POSTED.add(contactId);
        ObjectNode event = JSON.createObjectNode().put("source", "cinnox").put("contactId", contactId)
                .put("change", change).put("changedAt", changedAt);
        if (!change.equals("deleted")) {
            ObjectNode contact = event.putObject("contact").put("firstName", "Maria").put("lastName", "Conti");
            phones.forEach(contact.putArray("phones")::add);
            emails.forEach(contact.putArray("emails")::add);
        }
        return event;
    }

    /** Posts the event (its key derived from it) and answers it once finished. */
    static JsonNode run(RunningEngine engine, JsonNode event) throws Exception {
        HttpResponse<String> answer = engine.send(engine.request("/events/contact-changed")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event.toString())));
        assertEquals(202, answer.statusCode(), answer.body());
        return awaitFinished(engine, JSON.readTree(answer.body()).path("eventId").asText());
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

    /** The event's records as {@code "Contact <id> <action>"} lines, in the order the route produced them. */
    static List<String> records(JsonNode event) {
        return StreamSupport.stream(event.path("records").spliterator(), false)
                .map(record -> record.path("sobject").asText() + " " + record.path("id").asText() + " "
                        + record.path("action").asText()).toList();
    }

    static JsonNode get(RunningEngine engine, String path) throws Exception {
        return JSON.readTree(engine.get(path).body());
    }
}
