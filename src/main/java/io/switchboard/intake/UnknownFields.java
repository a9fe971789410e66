package io.switchboard.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the fields of an event that its type's schema does not declare, such as {@code queu} for {@code queue}: a
 * typo that would otherwise leave a field silently unread (and a call no trigger picks). What is declared is read
 * from the schema itself: an object's {@code properties}, with those of the subschemas it combines ({@code $ref},
 * {@code allOf}, {@code then}), and any name when it has {@code additionalProperties} or
 * {@code patternProperties}.
 */
final class UnknownFields {
    private static final List<String> COMBINERS = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> BRANCHES = List.of("then", "else");

    private final JsonNode document;

    UnknownFields(JsonNode document) {
        this.document = document;
    }

    /** Full paths as problems name fields: {@code agent.emial}, {@code messages[2].attachments[0].fileNam}. */
    List<String> in(JsonNode event) {
        List<String> unknown = new ArrayList<>();
        walk(document, event, "", unknown);
        return unknown;
    }

    private void walk(JsonNode schema, JsonNode value, String path, List<String> unknown) {
        List<JsonNode> parts = new ArrayList<>();
        collect(schema, parts);
        if (value.isObject()) {
            boolean open = parts.stream().anyMatch(UnknownFields::admitsAnyName);
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode declared = declared(parts, field.getKey());
                if (declared != null) {
                    walk(declared, field.getValue(), fieldPath, unknown);
                } else if (!open) {
                    unknown.add(fieldPath);
                }
            }
        } else if (value.isArray()) {
            JsonNode items = parts.stream().map(part -> part.get("items")).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            for (int i = 0; items != null && i < value.size(); i++) {
                walk(items, value.get(i), path + "[" + i + "]", unknown);
            }
        }
    }

    private static boolean admitsAnyName(JsonNode schema) {
        JsonNode additional = schema.get("additionalProperties");
        boolean closed = additional == null || (additional.isBoolean() && !additional.asBoolean());
        return schema.has("patternProperties") || !closed;
    }

    /** The first schema that declares the field, the object's own before those of the subschemas it combines. */
    private static JsonNode declared(List<JsonNode> parts, String name) {
        return parts.stream().map(part -> part.path("properties").get(name)).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** The schema and every subschema whose properties apply to the same value. */
    private void collect(JsonNode schema, List<JsonNode> parts) {
        if (!schema.isObject() || parts.stream().anyMatch(part -> part == schema)) {
            return;
        }
        parts.add(schema);
        if (schema.path("$ref").isTextual()) {
            collect(reference(schema.get("$ref").asText()), parts);
        }
        COMBINERS.forEach(combiner -> schema.path(combiner).forEach(sub -> collect(sub, parts)));
        BRANCHES.forEach(branch -> collect(schema.path(branch), parts));
    }

    /** Only references within the document are followed: the event schemas are each one self-contained file. */
    private JsonNode reference(String ref) {
        return ref.startsWith("#") ? document.at(ref.substring(1)) : MissingNode.getInstance();
    }
}
