package io.switchboard.emulator.schema;

import java.util.List;

/**
 * One field of an emulated sObject, carrying the describe attributes that the emulator enforces.
 *
 * @param length maximum length in characters for text fields (bytes for CaseComment.CommentBody), 0 otherwise
 * @param defaultedOnCreate Salesforce fills the field when an insert leaves it out, so it is not required
 * @param audit one of CreatedDate, CreatedById, LastModifiedDate, LastModifiedById: writable on insert only,
 *              and only for users allowed to set audit fields
 * @param referenceTo for REFERENCE fields, the object names the id may point at
 * @param relationshipName for REFERENCE fields, the name used in SOQL paths (Owner for OwnerId)
 */
public record FieldSchema(
        String name,
        String label,
        FieldType type,
        int length,
        boolean createable,
        boolean updateable,
        boolean nillable,
        boolean defaultedOnCreate,
        boolean externalId,
        boolean unique,
        boolean idLookup,
        boolean audit,
        List<String> picklistValues,
        boolean restrictedPicklist,
        List<String> referenceTo,
        String relationshipName) {

    public FieldSchema {
        picklistValues = List.copyOf(picklistValues);
        referenceTo = List.copyOf(referenceTo);
    }

    /** An insert must give a value: Salesforce reports it as REQUIRED_FIELD_MISSING otherwise. */
    public boolean required() {
        return createable && !nillable && !defaultedOnCreate && type != FieldType.BOOLEAN;
    }
}
