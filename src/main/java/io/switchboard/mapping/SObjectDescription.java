package io.switchboard.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One object's describe, reduced to its fields, for checking mappings and converting values to field types. */
public record SObjectDescription(String name, Map<String, FieldDescription> fields) {

    public SObjectDescription {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Reads Salesforce's {@code /sobjects/{name}/describe} answer; inactive picklist values are left out. */
    public static SObjectDescription fromDescribe(JsonNode describe) {
        Map<String, FieldDescription> fields = new LinkedHashMap<>();
        for (JsonNode field : describe.path("fields")) {
            List<String> active = new ArrayList<>();
            for (JsonNode value : field.path("picklistValues")) {
                if (value.path("active").asBoolean(false)) {
                    active.add(value.path("value").asText());
                }
            }
            String name = field.path("name").asText();
            fields.put(name, new FieldDescription(name, field.path("type").asText(), field.path("length").asInt(0),
                    field.path("createable").asBoolean(false), field.path("updateable").asBoolean(false),
                    field.path("externalId").asBoolean(false), field.path("idLookup").asBoolean(false), active));
        }
        return new SObjectDescription(describe.path("name").asText(), fields);
    }

    /** The field by its API name; Salesforce field names are case-insensitive. */
    public Optional<FieldDescription> field(String fieldName) {
        FieldDescription exact = fields.get(fieldName);
        if (exact != null) {
            return Optional.of(exact);
        }
        return fields.values().stream().filter(field -> field.name().equalsIgnoreCase(fieldName)).findFirst();
    }
}
