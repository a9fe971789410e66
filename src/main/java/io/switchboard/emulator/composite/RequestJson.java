package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads composite request bodies the way Salesforce's deserializer does: strictly, refusing unknown properties
 * and wrongly typed values with JSON_PARSER_ERROR before anything runs.
 */
final class RequestJson {
    private RequestJson() {
    }

    static ObjectNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw CompositeErrors.jsonParser("Expected a JSON object for " + what);
        }
        return (ObjectNode) node;
    }

    /** Refuses any property outside {@code known}, as a misspelt flag would otherwise be silently ignored. */
    static ObjectNode strictObject(JsonNode node, String what, Set<String> known) {
        ObjectNode object = object(node, what);
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw CompositeErrors.unrecognizedField(name);
            }
        }
        return object;
    }

    static ArrayNode requiredArray(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isArray()) {
            throw CompositeErrors.jsonParser("Expected a JSON array for " + field);
        }
        return (ArrayNode) value;
    }

    static String requiredText(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual()) {
            throw CompositeErrors.jsonParser("Expected a string for " + field);
        }
        return value.textValue();
    }

    static boolean optionalBoolean(ObjectNode object, String field, boolean otherwise) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw CompositeErrors.jsonParser("Expected a boolean for " + field);
        }
        return value.booleanValue();
    }
}
