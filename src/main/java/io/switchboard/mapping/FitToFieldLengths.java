package io.switchboard.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cuts free-text values to the length their field's describe allows, with a warning naming the field, so that a
 * 300-character customer name or a long queue in a subject does not make Salesforce refuse the whole record with
 * STRING_TOO_LONG after the event was accepted (no replay could fix that). Only free text is cut: text, text area and
 * combobox fields. Values whose meaning a cut would change (phones, emails, ids, picklist values) are kept to their
 * limits at intake or refused by Salesforce with its own error.
 */
public final class FitToFieldLengths {
    private static final Set<String> FREE_TEXT = Set.of("string", "textarea", "combobox");

    /** Cuts, in place, every textual value of {@code fields} that is longer than its field; answers the fields. */
    public ObjectNode fit(SObjectDescription object, ObjectNode fields, Consumer<String> warn) {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = fields.get(name);
            Optional<FieldDescription> field = object.field(name);
            if (value.isTextual() && field.isPresent() && cuttable(field.get(), value.textValue())) {
                int limit = field.get().length();
                fields.put(name, cut(value.textValue(), limit));
                warn.accept(object.name() + "." + name + " was cut to " + limit + " characters, the field's length "
                        + "(the value had " + value.textValue().length() + ")");
            }
        }
        return fields;
    }

    private static boolean cuttable(FieldDescription field, String value) {
        return FREE_TEXT.contains(field.type()) && field.length() > 0 && value.length() > field.length();
    }

    /** The first {@code limit} characters, one fewer when the last would be half of a surrogate pair. */
    static String cut(String value, int limit) {
        int end = Character.isHighSurrogate(value.charAt(limit - 1)) ? limit - 1 : limit;
        return value.substring(0, end);
    }
}
