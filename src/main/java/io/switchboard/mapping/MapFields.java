package io.switchboard.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Turns a field map and an event into the JSON object of Salesforce fields to write, each value converted to
 * its field's type as describe reports it. Fields whose value the event left out are not sent at all, so that
 * Salesforce keeps its defaults and an update does not blank a field.
 */
public final class MapFields {

    /** Converts by each value's own type; for when no describe is at hand. */
    public ObjectNode map(List<FieldMapping> fields, EventVariables variables) {
        return map(fields, variables, null);
    }

    /** @param description the target object's describe; null to convert by each value's own type */
    public ObjectNode map(List<FieldMapping> fields, EventVariables variables, SObjectDescription description) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (FieldMapping mapping : fields) {
            Optional<Object> value = mapping.source().resolve(variables);
            if (value.isPresent()) {
                String type = description == null ? null
                        : description.field(mapping.field()).map(FieldDescription::type).orElse(null);
                json.set(mapping.field(), SalesforceValues.convert(mapping.field(), type, value.get()));
            }
        }
        return json;
    }
}
