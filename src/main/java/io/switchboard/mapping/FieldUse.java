package io.switchboard.mapping;

import java.util.List;

/**
 * One Salesforce field a mapping file uses, and how, so that it can be checked against the org's describe.
 *
 * @param values the fixed values the file writes to it (picklist values must be among the active ones)
 */
public record FieldUse(String field, int line, Purpose purpose, List<String> values) {

    /** What the mapping does with the field, which decides the permission describe must show. */
    public enum Purpose {
        /** Written when the record is created. */
        CREATE,
        /** Written to an existing record. */
        UPDATE,
        /** Written by an upsert: created or updated. */
        UPSERT,
        /** The key of an upsert: must be an external id. */
        EXTERNAL_ID,
        /** Searched for a phone number: must be a phone field. */
        PHONE_SEARCH,
        /** Only read (queried, or compared with a value): must exist. */
        READ
    }

    public FieldUse {
        values = List.copyOf(values);
    }

    public static FieldUse of(String field, int line, Purpose purpose) {
        return new FieldUse(field, line, purpose, List.of());
    }
}
