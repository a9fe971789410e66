package io.switchboard.contacts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The linked Contacts an event changes, each with the fields to write and the mapped values it holds once written,
 * sent as one sObject collection request: all or none, so a retry never finds half of them written.
 */
record ContactUpdates(List<Update> updates) {
    /** One Contact: the fields to write, and every mapped value it holds after the write. */
    record Update(String id, ObjectNode fields, ObjectNode heldAfter) {
    }

    ContactUpdates {
        updates = List.copyOf(updates);
    }

    /** Nothing to write: every linked Contact holds the values already, or Salesforce's change is newer. */
    public boolean isEmpty() {
        return updates.isEmpty();
    }

    String requestBody() {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("allOrNone", true);
        for (Update update : updates) {
            ObjectNode record = request.withArray("records").addObject();
            record.putObject("attributes").put("type", ContactSteps.CONTACT);
            record.put("id", update.id());
            record.setAll(update.fields());
        }
        return request.toString();
    }
}
