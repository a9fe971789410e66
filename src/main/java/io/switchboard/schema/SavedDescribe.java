package io.switchboard.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.mapping.FieldDescription;
import io.switchboard.mapping.SObjectDescription;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One object's describe as check-connection saw it, with when and from which org: what one file under
 * {@code DATA_DIR/describes/CONNECTION/} holds. An empty description records that the org has no such object. It
 * carries the reduced description the mapping check reads, never a session or credential.
 */
public record SavedDescribe(String connection, String sobject, Instant fetchedAt, String instanceUrl,
                            String apiVersion, Optional<SObjectDescription> description) {
    /** The files' layout; a new layout takes a new number, so that an engine refuses a file it would misread. */
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("connection", connection);
        json.put("sobject", sobject);
        json.put("fetchedAt", fetchedAt.toString());
        json.put("instanceUrl", instanceUrl);
        json.put("apiVersion", apiVersion);
        json.put("exists", description.isPresent());
        description.ifPresent(found -> {
            json.put("name", found.name());
            ArrayNode fields = json.putArray("fields");
            found.fields().values().forEach(field -> fields.add(toJson(field)));
        });
        return json;
    }

    private static ObjectNode toJson(FieldDescription field) {
        ObjectNode json = JSON.createObjectNode();
        json.put("name", field.name());
        json.put("type", field.type());
        json.put("length", field.length());
        json.put("createable", field.createable());
        json.put("updateable", field.updateable());
        json.put("externalId", field.externalId());
        json.put("idLookup", field.idLookup());
        field.picklistValues().forEach(json.putArray("picklistValues")::add);
        return json;
    }

    /** @throws IllegalArgumentException naming the first thing missing or of the wrong kind */
    static SavedDescribe fromJson(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        int format = number(json, "format");
        if (format != FORMAT) {
            throw new IllegalArgumentException("format " + format + " is not the format " + FORMAT + " this engine reads");
        }
        Optional<SObjectDescription> description = Optional.empty();
        if (bool(json, "exists")) {
            Map<String, FieldDescription> fields = new LinkedHashMap<>();
            for (JsonNode field : array(json, "fields")) {
                FieldDescription read = field(field);
                fields.put(read.name(), read);
            }
            description = Optional.of(new SObjectDescription(text(json, "name"), fields));
        }
        return new SavedDescribe(text(json, "connection"), text(json, "sobject"), instant(json, "fetchedAt"),
                text(json, "instanceUrl"), text(json, "apiVersion"), description);
    }

    private static FieldDescription field(JsonNode json) {
        String name = text(json, "name");
        List<String> picklistValues = new ArrayList<>();
        for (JsonNode value : array(json, "picklistValues")) {
            if (!value.isTextual()) {
                throw new IllegalArgumentException("field " + name + ": picklistValues must hold text");
            }
            picklistValues.add(value.asText());
        }
        return new FieldDescription(name, text(json, "type"), number(json, "length"), bool(json, "createable"),
                bool(json, "updateable"), bool(json, "externalId"), bool(json, "idLookup"), picklistValues);
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + name + "' must be text");
        }
        return value.asText();
    }

    private static int number(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number");
        }
        return value.asInt();
    }

    private static boolean bool(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException("'" + name + "' must be true or false");
        }
        return value.asBoolean();
    }

    private static JsonNode array(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("'" + name + "' must be a list");
        }
        return value;
    }

    private static Instant instant(JsonNode json, String name) {
        try {
            return Instant.parse(text(json, name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be a UTC time such as 2026-12-02T01:40:00Z");
        }
    }
}
