package io.switchboard.emulator.query;

import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import io.switchboard.emulator.schema.SObjectSchema;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Which fields a SOSL search looks in: {@code IN ALL|NAME|EMAIL|PHONE FIELDS}. */
enum SearchScope {
    ALL, NAME, EMAIL, PHONE;

    /** The fields that make up a record's name, which NAME FIELDS searches. */
    private static final Set<String> NAME_FIELDS = Set.of("name", "firstname", "lastname", "middlename", "suffix",
            "company", "casenumber");

    static Optional<SearchScope> named(String name) {
        for (SearchScope scope : values()) {
            if (scope.name().equalsIgnoreCase(name)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    List<FieldSchema> fields(SObjectSchema object) {
        return object.fields().stream().filter(this::includes).toList();
    }

    /** Whether units are matched by words; phone searches compare digits only. */
    boolean byWords() {
        return this != PHONE;
    }

    private boolean includes(FieldSchema field) {
        return switch (this) {
            case ALL -> field.type().isText();
            case NAME -> NAME_FIELDS.contains(field.name().toLowerCase(Locale.ROOT));
            case EMAIL -> field.type() == FieldType.EMAIL;
            case PHONE -> field.type() == FieldType.PHONE;
        };
    }
}
