package io.switchboard.contacts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ContactChanged.SourceContact;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Contact field values a source contact gives through the field map: what an event may write to Salesforce. */
final class ContactValues {
    private ContactValues() {
    }

    /** Contact field → value for the mapped fields that move to Salesforce; a value the contact leaves out is absent. */
    static Map<String, String> toSalesforce(ContactSync sync, SourceContact contact) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ContactField field : sync.toSalesforce()) {
            String value = field.source().read(contact);
            if (value != null) {
                values.put(field.salesforceField(), value);
            }
        }
        return values;
    }

    static ObjectNode json(Map<String, String> values) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        values.forEach(json::put);
        return json;
    }
}
