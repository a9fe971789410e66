package io.switchboard.emulator.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One emulated sObject type: its describe attributes and fields, looked up case-insensitively like Salesforce. */
public final class SObjectSchema {
    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final boolean custom;
    private final boolean searchable;
    private final Map<String, FieldSchema> fieldsByLowerName = new LinkedHashMap<>();

    public SObjectSchema(String name, String label, String labelPlural, String keyPrefix, boolean custom,
                         boolean searchable, Collection<FieldSchema> fields) {
        this.name = name;
        this.label = label;
        this.labelPlural = labelPlural;
        this.keyPrefix = keyPrefix;
        this.custom = custom;
        this.searchable = searchable;
        for (FieldSchema field : fields) {
            fieldsByLowerName.put(field.name().toLowerCase(Locale.ROOT), field);
        }
    }

    public String name() { return name; }
    public String label() { return label; }
    public String labelPlural() { return labelPlural; }
    public String keyPrefix() { return keyPrefix; }
    public boolean custom() { return custom; }
    /** Whether SOSL searches this object. */
    public boolean searchable() { return searchable; }

    /** The field of that name in any letter case, as Salesforce resolves field names. */
    public Optional<FieldSchema> field(String anyCaseName) {
        return Optional.ofNullable(fieldsByLowerName.get(anyCaseName.toLowerCase(Locale.ROOT)));
    }

    /** Fields in declaration order. */
    public Collection<FieldSchema> fields() {
        return Collections.unmodifiableCollection(fieldsByLowerName.values());
    }
}
