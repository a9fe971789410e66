package io.switchboard.emulator.seed;

import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import java.util.List;

/** Fluent construction of {@link FieldSchema} values, so the seeded schema reads like a field list in Setup. */
final class Field {
    private final String name;
    private final String label;
    private final FieldType type;
    private final int length;
    private boolean createable = true;
    private boolean updateable = true;
    private boolean nillable = true;
    private boolean defaultedOnCreate;
    private boolean externalId;
    private boolean unique;
    private boolean idLookup;
    private boolean audit;
    private List<String> picklistValues = List.of();
    private boolean restrictedPicklist;
    private List<String> referenceTo = List.of();
    private String relationshipName;

    private Field(String name, String label, FieldType type, int length) {
        this.name = name;
        this.label = label;
        this.type = type;
        this.length = length;
    }

    static Field of(String name, String label, FieldType type) {
        return new Field(name, label, type, type == FieldType.ID ? 18 : 0);
    }

    static Field text(String name, String label, int length) {
        return new Field(name, label, FieldType.STRING, length);
    }

    static Field textArea(String name, String label, int length) {
        return new Field(name, label, FieldType.TEXTAREA, length);
    }

    static Field phone(String name, String label) {
        return new Field(name, label, FieldType.PHONE, 40);
    }

    static Field email(String name, String label) {
        return new Field(name, label, FieldType.EMAIL, 80);
    }

    static Field picklist(String name, String label, String... values) {
        Field field = new Field(name, label, FieldType.PICKLIST, 255);
        field.picklistValues = List.of(values);
        return field;
    }

    /** Suggested values that never restrict: any text up to the length is accepted. */
    static Field combobox(String name, String label, int length, String... values) {
        Field field = new Field(name, label, FieldType.COMBOBOX, length);
        field.picklistValues = List.of(values);
        return field;
    }

    static Field checkbox(String name, String label) {
        Field field = new Field(name, label, FieldType.BOOLEAN, 0);
        field.nillable = false;
        field.defaultedOnCreate = true;
        return field;
    }

    static Field reference(String name, String label, String relationshipName, String... targets) {
        Field field = new Field(name, label, FieldType.REFERENCE, 18);
        field.referenceTo = List.of(targets);
        field.relationshipName = relationshipName;
        return field;
    }

    Field required() {
        nillable = false;
        return this;
    }

    /** Filled by Salesforce when left out of an insert: not required, but never empty. */
    Field defaulted() {
        nillable = false;
        defaultedOnCreate = true;
        return this;
    }

    Field readOnly() {
        createable = false;
        updateable = false;
        return this;
    }

    Field createOnly() {
        updateable = false;
        return this;
    }

    Field restricted() {
        restrictedPicklist = true;
        return this;
    }

    Field externalIdUnique() {
        externalId = true;
        unique = true;
        idLookup = true;
        return this;
    }

    Field unique() {
        unique = true;
        return this;
    }

    Field idLookup() {
        idLookup = true;
        return this;
    }

    Field audit() {
        audit = true;
        updateable = false;
        return defaulted();
    }

    FieldSchema build() {
        return new FieldSchema(name, label, type, length, createable, updateable, nillable, defaultedOnCreate,
                externalId, unique, idLookup, audit, picklistValues, restrictedPicklist, referenceTo, relationshipName);
    }
}
