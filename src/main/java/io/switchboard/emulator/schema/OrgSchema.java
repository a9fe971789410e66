package io.switchboard.emulator.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** All sObject types of the emulated org, found by name in any case or by id key prefix. */
public final class OrgSchema {
    private final Map<String, SObjectSchema> byLowerName = new LinkedHashMap<>();
    private final Map<String, SObjectSchema> byKeyPrefix = new LinkedHashMap<>();

    public OrgSchema(Collection<SObjectSchema> objects) {
        for (SObjectSchema object : objects) {
            byLowerName.put(object.name().toLowerCase(Locale.ROOT), object);
            byKeyPrefix.put(object.keyPrefix(), object);
        }
    }

    public Optional<SObjectSchema> object(String anyCaseName) {
        return Optional.ofNullable(byLowerName.get(anyCaseName.toLowerCase(Locale.ROOT)));
    }

    /** The type an id belongs to, from its first three characters. */
    public Optional<SObjectSchema> objectForId(String id) {
        if (id == null || id.length() < 3) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKeyPrefix.get(id.substring(0, 3)));
    }

    public Collection<SObjectSchema> objects() {
        return Collections.unmodifiableCollection(byLowerName.values());
    }
}
