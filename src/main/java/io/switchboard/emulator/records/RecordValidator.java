package io.switchboard.emulator.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.api.RecordSource;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import io.switchboard.emulator.schema.SObjectSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The checks Salesforce makes on every record write, in its order, answering with its error codes and wording.
 * Every write path (single requests, upserts, composite subrequests) goes through here.
 */
public final class RecordValidator {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final List<String> USER_STAMPS = List.of("OwnerId", "CreatedById", "LastModifiedById");

    private final OrgModel model;
    private final RecordSource records;
    private final OrgSettings settings;

    public RecordValidator(OrgModel model, RecordSource records, OrgSettings settings) {
        this.model = model;
        this.records = records;
        this.settings = settings;
    }

    /**
     * The body's values in stored form, keyed by field.
     *
     * @param existingId the record being updated, left out of uniqueness checks; null on insert
     */
    public Map<FieldSchema, Object> validate(SObjectSchema object, JsonNode body, WriteMode mode, String userId,
                                             String existingId) {
        Map<FieldSchema, Object> values = read(object, body);
        checkWritable(values, mode, userId);
        checkRequired(object, values, mode);
        for (Map.Entry<FieldSchema, Object> entry : values.entrySet()) {
            if (entry.getValue() != null) {
                checkValue(object, entry.getKey(), entry.getValue(), existingId);
            }
        }
        checkAuditOrder(object, values);
        return values;
    }

    private Map<FieldSchema, Object> read(SObjectSchema object, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new SalesforceError(400, "JSON_PARSER_ERROR",
                    "Cannot deserialize instance of " + object.name() + " from "
                            + (body == null ? "empty body" : tokenName(body)) + " or request may be missing a required field");
        }
        Map<FieldSchema, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (entry.getKey().equals("attributes")) {
                continue;
            }
            FieldSchema field = object.field(entry.getKey()).orElseThrow(() -> new SalesforceError(400, "INVALID_FIELD",
                    "No such column '" + entry.getKey() + "' on sobject of type " + object.name()));
            values.put(field, convert(field, entry.getValue()));
        }
        return values;
    }

    private Object convert(FieldSchema field, JsonNode node) {
        if (node.isNull() || (node.isTextual() && node.asText().isEmpty() && field.type() != FieldType.BOOLEAN)) {
            return null;
        }
        if (node.isContainerNode()) {
            throw parserError(field, node);
        }
        String text = node.asText();
        return switch (field.type()) {
            case BOOLEAN -> readBoolean(field, node);
            case INT -> readInt(field, node);
            case DOUBLE, CURRENCY, PERCENT -> readDouble(field, node);
            case DATE -> Timestamps.parseDate(text).map(Object::toString).orElseThrow(() -> parserError(field, node));
            case DATETIME -> Timestamps.parseDateTime(text).map(Timestamps::format)
                    .orElseThrow(() -> parserError(field, node));
            case BASE64 -> readBase64(field, node);
            default -> text;
        };
    }

    private static Boolean readBoolean(FieldSchema field, JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String text = node.asText().toLowerCase(Locale.ROOT);
        if (node.isTextual() && (text.equals("true") || text.equals("false"))) {
            return Boolean.valueOf(text);
        }
        throw parserError(field, node);
    }

    private static Integer readInt(FieldSchema field, JsonNode node) {
        try {
            return new BigDecimal(node.asText()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw parserError(field, node);
        }
    }

    private static Double readDouble(FieldSchema field, JsonNode node) {
        try {
            return new BigDecimal(node.asText()).doubleValue();
        } catch (NumberFormatException e) {
            throw parserError(field, node);
        }
    }

    private static String readBase64(FieldSchema field, JsonNode node) {
        try {
            Base64.getDecoder().decode(node.asText().replaceAll("[\\r\\n]", ""));
            return node.asText();
        } catch (IllegalArgumentException e) {
            throw parserError(field, node);
        }
    }

    private static SalesforceError parserError(FieldSchema field, JsonNode node) {
        return new SalesforceError(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + field.type().apiName()
                + " from " + tokenName(node) + " value " + node.asText(node.toString())
                + " or request may be missing a required field");
    }

    private static String tokenName(JsonNode node) {
        if (node.isObject()) {
            return "START_OBJECT";
        }
        if (node.isArray()) {
            return "START_ARRAY";
        }
        if (node.isTextual()) {
            return "VALUE_STRING";
        }
        if (node.isIntegralNumber()) {
            return "VALUE_NUMBER_INT";
        }
        if (node.isNumber()) {
            return "VALUE_NUMBER_FLOAT";
        }
        return node.asBoolean() ? "VALUE_TRUE" : "VALUE_FALSE";
    }

    private void checkWritable(Map<FieldSchema, Object> values, WriteMode mode, String userId) {
        List<String> refused = new ArrayList<>();
        for (FieldSchema field : values.keySet()) {
            if (!writable(field, mode, userId)) {
                refused.add(field.name());
            }
        }
        if (!refused.isEmpty()) {
            throw new SalesforceError(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                    + String.join(", ", refused) + ". Please check the security settings of this field and verify"
                    + " that it is read/write for your profile or permission set.", refused);
        }
    }

    private boolean writable(FieldSchema field, WriteMode mode, String userId) {
        if (field.audit()) {
            return mode == WriteMode.INSERT && settings.maySetAuditFields(userId);
        }
        return mode.inserts() ? field.createable() : field.updateable();
    }

    private void checkRequired(SObjectSchema object, Map<FieldSchema, Object> values, WriteMode mode) {
        List<String> missing = new ArrayList<>();
        for (FieldSchema field : object.fields()) {
            boolean blank = values.get(field) == null;
            boolean mustHave = mode.inserts() ? field.required()
                    : values.containsKey(field) && !field.nillable() && field.type() != FieldType.BOOLEAN;
            if (mustHave && blank) {
                missing.add(field.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new SalesforceError(400, "REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing, missing);
        }
    }

    private void checkValue(SObjectSchema object, FieldSchema field, Object value, String existingId) {
        if (field.type().isText()) {
            checkLength(object, field, (String) value);
        }
        if (field.type() == FieldType.PICKLIST && field.restrictedPicklist() && !field.picklistValues().contains(value)) {
            throw fieldError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                    field.label() + ": bad value for restricted picklist field: " + value, field);
        }
        if (field.type() == FieldType.EMAIL && !EMAIL.matcher((String) value).matches()) {
            throw fieldError("INVALID_EMAIL_ADDRESS", field.label() + ": invalid email address: " + value, field);
        }
        if (field.type() == FieldType.REFERENCE) {
            checkReference(object, field, (String) value);
        }
        if (field.unique()) {
            checkUnique(object, field, value, existingId);
        }
    }

    private void checkLength(SObjectSchema object, FieldSchema field, String value) {
        int size = model.limitsBytes(object, field) ? value.getBytes(StandardCharsets.UTF_8).length
                : value.codePointCount(0, value.length());
        if (field.length() > 0 && size > field.length()) {
            throw fieldError("STRING_TOO_LONG", field.label() + ": data value too large: " + value
                    + " (max length=" + field.length() + ")", field);
        }
    }

    private void checkReference(SObjectSchema object, FieldSchema field, String value) {
        if (!Ids.isValid(value)) {
            throw fieldError("MALFORMED_ID", field.label() + ": id value of incorrect type: " + value, field);
        }
        boolean rightType = records.schema().objectForId(value)
                .filter(target -> field.referenceTo().contains(target.name())).isPresent();
        if (!rightType) {
            throw fieldError("FIELD_INTEGRITY_EXCEPTION", field.label() + ": id value of incorrect type: " + value,
                    field);
        }
        // A lookup to a record in the recycle bin is refused as deleted, not as unknown; the status is assumed to
        // be the 400 of other refused values, not confirmed against a real org.
        Map<String, Object> target = records.byId(value).orElseThrow(() -> records.inRecycleBin(value).isPresent()
                ? fieldError("ENTITY_IS_DELETED", "entity is deleted", field)
                : fieldError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", field));
        if (USER_STAMPS.contains(field.name()) && Boolean.FALSE.equals(target.get("IsActive"))) {
            throw fieldError("INACTIVE_OWNER_OR_USER", "operation performed with inactive user ["
                    + target.get("Id") + "] as owner of " + object.label().toLowerCase(Locale.ROOT), field);
        }
    }

    private void checkUnique(SObjectSchema object, FieldSchema field, Object value, String existingId) {
        // the records whose value equals as text hold every duplicate; the comparison below decides which are
        List<Map<String, Object>> candidates = value instanceof String text ? records.withText(object.name(), field.name(), text)
                : records.records(object.name());
        for (Map<String, Object> other : candidates) {
            Object otherValue = other.get(field.name());
            boolean same = otherValue instanceof String text ? text.equalsIgnoreCase(value.toString())
                    : Objects.equals(otherValue, value);
            if (same && !other.get("Id").equals(existingId)) {
                throw new SalesforceError(400, "DUPLICATE_VALUE", "duplicate value found: " + field.name()
                        + " duplicates value on record with id: " + other.get("Id"));
            }
        }
    }

    private static void checkAuditOrder(SObjectSchema object, Map<FieldSchema, Object> values) {
        Object created = values.get(object.field("CreatedDate").orElseThrow());
        Object modified = values.get(object.field("LastModifiedDate").orElseThrow());
        if (created != null && modified != null && Timestamps.parseDateTime((String) modified).orElseThrow()
                .isBefore(Timestamps.parseDateTime((String) created).orElseThrow())) {
            throw new SalesforceError(400, "FIELD_INTEGRITY_EXCEPTION",
                    "Last Modified Date: LastModifiedDate cannot be earlier than CreatedDate",
                    List.of("LastModifiedDate"));
        }
    }

    private static SalesforceError fieldError(String code, String message, FieldSchema field) {
        return new SalesforceError(400, code, message, List.of(field.name()));
    }
}
