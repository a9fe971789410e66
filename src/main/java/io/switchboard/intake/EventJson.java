package io.switchboard.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.store.EventStatus;
import io.switchboard.store.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** An event as the status API ({@code GET /events/{eventId}}) shows it. */
final class EventJson {
    private EventJson() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** With how far the event has got, for the events that save their progress (an SMS campaign). */
    static ObjectNode of(StoredEvent event, Optional<String> progress) {
        ObjectNode json = of(event);
        progress.ifPresent(saved -> {
            try {
                json.set("progress", JSON.readTree(saved));
            } catch (IOException e) {
                throw new UncheckedIOException("the store keeps progress as the JSON its route wrote", e);
            }
        });
        return json;
    }

    static ObjectNode of(StoredEvent event) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("eventId", event.id())
                .put("type", event.type().path())
                .put("source", event.source())
                .put("status", event.status().label())
                .put("attempts", event.attempts())
                .put("receivedAt", event.receivedAt().toString())
                .put("updatedAt", event.updatedAt().toString());
        if (event.status() == EventStatus.PENDING) {
            json.put("nextAttemptAt", event.nextAttemptAt().toString());
        }
        ArrayNode records = json.putArray("records");
        event.records().forEach(record -> records.addObject()
                .put("sobject", record.sobject()).put("id", record.id()).put("action", record.action()));
        ArrayNode warnings = json.putArray("warnings");
        event.warnings().forEach(warnings::add);
        if (event.error() == null) {
            json.putNull("error");
        } else {
            json.putObject("error").put("code", event.error().code()).put("message", event.error().message());
        }
        return json;
    }
}
