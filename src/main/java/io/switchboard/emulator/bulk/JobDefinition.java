package io.switchboard.emulator.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import io.switchboard.emulator.schema.OrgSchema;
import io.switchboard.emulator.schema.SObjectSchema;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a Create Job request asks for, checked as Salesforce checks it before the job exists.
 *
 * @param externalIdField the upsert key; null for other operations
 * @param assignmentRuleId echoed back only: the emulated org runs no assignment rules
 */
record JobDefinition(SObjectSchema object, IngestOperation operation, FieldSchema externalIdField,
                     LineEnding lineEnding, ColumnDelimiter columnDelimiter, String assignmentRuleId) {
    private static final Set<String> PROPERTIES = Set.of("object", "operation", "externalIdFieldName", "contentType",
            "lineEnding", "columnDelimiter", "assignmentRuleId");
    private static final String OPERATIONS = "insert, update, upsert, delete, hardDelete";

    static JobDefinition parse(JsonNode body, OrgSchema schema) {
        if (body == null || !body.isObject()) {
            throw BulkErrors.notAnObject();
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!PROPERTIES.contains(name)) {
                throw BulkErrors.unrecognizedProperty(name);
            }
        }
        String objectName = text(body, "object");
        if (objectName == null) {
            throw BulkErrors.invalidProperty("object", null, null);
        }
        SObjectSchema object = schema.object(objectName).orElseThrow(() -> BulkErrors.unknownObject(objectName));
        IngestOperation operation = operation(text(body, "operation"));
        String contentType = text(body, "contentType");
        if (contentType != null && !contentType.equals("CSV")) {
            throw BulkErrors.invalidProperty("contentType", contentType, "CSV");
        }
        LineEnding lineEnding = optional(body, "lineEnding", LineEnding.LF,
                LineEnding::of, Arrays.toString(LineEnding.values()));
        ColumnDelimiter delimiter = optional(body, "columnDelimiter", ColumnDelimiter.COMMA,
                ColumnDelimiter::of, Arrays.toString(ColumnDelimiter.values()));
        FieldSchema key = operation == IngestOperation.UPSERT ? externalId(object, text(body, "externalIdFieldName"))
                : null;
        return new JobDefinition(object, operation, key, lineEnding, delimiter, text(body, "assignmentRuleId"));
    }

    private static IngestOperation operation(String value) {
        if ("hardDelete".equals(value)) {
            throw BulkErrors.hardDeleteNotPermitted();
        }
        return IngestOperation.of(value).orElseThrow(() -> BulkErrors.invalidProperty("operation", value, OPERATIONS));
    }

    /** The upsert key: an External ID field, Id, or a standard idLookup field, as REST upserts by external id take. */
    private static FieldSchema externalId(SObjectSchema object, String fieldName) {
        if (fieldName == null || fieldName.isBlank()) {
            throw BulkErrors.externalIdBlank(object.name());
        }
        FieldSchema field = object.field(fieldName).orElseThrow(() -> BulkErrors.unknownExternalIdField(fieldName));
        if (!field.externalId() && field.type() != FieldType.ID && !(field.idLookup() && !object.custom())) {
            throw BulkErrors.notAnExternalId(field.name(), object.name());
        }
        return field;
    }

    private static <T> T optional(JsonNode body, String property, T fallback, Function<String, Optional<T>> lookup,
                                  String expected) {
        String value = text(body, property);
        if (value == null) {
            return fallback;
        }
        return lookup.apply(value).orElseThrow(() -> BulkErrors.invalidProperty(property, value, expected));
    }

    /** A property's text; null when absent or JSON null; other JSON values by their JSON text, so they fail checks. */
    private static String text(JsonNode body, String property) {
        JsonNode value = body.get(property);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
