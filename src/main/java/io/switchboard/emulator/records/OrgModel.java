package io.switchboard.emulator.records;

import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.OrgSchema;
import io.switchboard.emulator.schema.SObjectSchema;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The emulated org's metadata beyond what {@link OrgSchema} carries: default values, fields limited in bytes,
 * and objects the API cannot create or delete.
 *
 * @param defaults default value per {@code Object.Field} (picklist defaults, booleans that start true)
 * @param byteLimitedFields {@code Object.Field} names whose length limit counts UTF-8 bytes, not characters
 * @param notCreateable object names that refuse inserts through the API
 * @param notDeletable object names that refuse deletes through the API
 * @param autoNumbers display format per {@code Object.Field} of auto-number fields, zeros marking the digits:
 *                    {@code 00000000} or {@code CXI-000000}
 */
public record OrgModel(OrgSchema schema, Map<String, Object> defaults, Set<String> byteLimitedFields,
                       Set<String> notCreateable, Set<String> notDeletable, Map<String, String> autoNumbers) {

    public OrgModel {
        defaults = Map.copyOf(defaults);
        byteLimitedFields = Set.copyOf(byteLimitedFields);
        notCreateable = Set.copyOf(notCreateable);
        notDeletable = Set.copyOf(notDeletable);
        autoNumbers = Map.copyOf(autoNumbers);
    }

    public Optional<String> autoNumberFormat(SObjectSchema object, FieldSchema field) {
        return Optional.ofNullable(autoNumbers.get(object.name() + "." + field.name()));
    }

    public Optional<Object> defaultValue(SObjectSchema object, FieldSchema field) {
        return Optional.ofNullable(defaults.get(object.name() + "." + field.name()));
    }

    public boolean limitsBytes(SObjectSchema object, FieldSchema field) {
        return byteLimitedFields.contains(object.name() + "." + field.name());
    }

    public boolean createable(SObjectSchema object) {
        return !notCreateable.contains(object.name());
    }

    public boolean deletable(SObjectSchema object) {
        return !notDeletable.contains(object.name());
    }
}
