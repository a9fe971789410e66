package io.switchboard.emulator.schema;

/** Salesforce field data types the emulated org uses, with the name describe reports for each. */
public enum FieldType {
    ID("id"),
    STRING("string"),
    TEXTAREA("textarea"),
    PICKLIST("picklist"),
    /** A picklist that also takes free text, as Task.Subject and Event.Subject are in every org. */
    COMBOBOX("combobox"),
    MULTIPICKLIST("multipicklist"),
    BOOLEAN("boolean"),
    INT("int"),
    DOUBLE("double"),
    CURRENCY("currency"),
    PERCENT("percent"),
    DATE("date"),
    DATETIME("datetime"),
    EMAIL("email"),
    PHONE("phone"),
    URL("url"),
    REFERENCE("reference"),
    BASE64("base64");

    private final String apiName;

    FieldType(String apiName) {
        this.apiName = apiName;
    }

    /** The type name as Salesforce's describe answer spells it. */
    public String apiName() {
        return apiName;
    }

    public boolean isText() {
        return this == STRING || this == TEXTAREA || this == PICKLIST || this == COMBOBOX || this == MULTIPICKLIST
                || this == EMAIL || this == PHONE || this == URL;
    }

    public boolean isNumeric() {
        return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
    }
}
