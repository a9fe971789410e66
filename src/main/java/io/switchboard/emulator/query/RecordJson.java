package io.switchboard.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.OrgSchema;
import io.switchboard.emulator.schema.SObjectSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes records the way the REST API answers them: {@code attributes} first, then the selected fields in
 * order, parent records nested under their relationship name with their own attributes, or null when unset.
 */
final class RecordJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final OrgSchema org;
    private final RecordReader reader;
    private final String apiVersion;

    RecordJson(OrgSchema org, RecordReader reader, String apiVersion) {
        this.org = org;
        this.reader = reader;
        this.apiVersion = apiVersion;
    }

    ObjectNode record(Map<String, Object> record, SObjectSchema type, List<FieldPath> fields) {
        ObjectNode node = withAttributes(type.name(), record.get("Id"));
        for (FieldPath path : fields) {
            write(node, record, path);
        }
        return node;
    }

    ObjectNode withAttributes(String type, Object id) {
        ObjectNode node = JSON.objectNode();
        ObjectNode attributes = node.putObject("attributes");
        attributes.put("type", type);
        if (id != null) {
            attributes.put("url", "/services/data/v" + apiVersion + "/sobjects/" + type + "/" + id);
        }
        return node;
    }

    private void write(ObjectNode root, Map<String, Object> record, FieldPath path) {
        ObjectNode node = root;
        Map<String, Object> current = record;
        for (FieldSchema reference : path.references()) {
            String relationship = reference.relationshipName();
            JsonNode existing = node.get(relationship);
            Optional<Map<String, Object>> parent = reader.parent(current, reference);
            if (parent.isEmpty() || (existing != null && existing.isNull())) {
                node.putNull(relationship);
                return;
            }
            current = parent.get();
            if (existing == null) {
                existing = node.set(relationship, withAttributes(typeOf(current), current.get("Id")))
                        .get(relationship);
            }
            node = (ObjectNode) existing;
        }
        node.set(path.field().name(), value(current.get(path.field().name())));
    }

    private String typeOf(Map<String, Object> record) {
        Object id = record.get("Id");
        return org.objectForId(id == null ? null : id.toString()).map(SObjectSchema::name).orElse("sObject");
    }

    static JsonNode value(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Integer number) {
            return JSON.numberNode(number);
        }
        if (value instanceof Long number) {
            return JSON.numberNode(number);
        }
        if (value instanceof Number number) {
            return JSON.numberNode(number.doubleValue());
        }
        if (value instanceof Boolean flag) {
            return JSON.booleanNode(flag);
        }
        return JSON.textNode(value.toString());
    }
}
