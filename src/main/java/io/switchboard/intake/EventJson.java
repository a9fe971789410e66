package io.switchboard.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.store.EventStatus;
import io.switchboard.store.StoredEvent;

/** An event as the status API ({@code GET /events/{eventId}}) shows it. */
final class EventJson {
    private EventJson() {
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
