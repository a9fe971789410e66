package io.switchboard.emulator.query;

import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Turns stored field values into values that compare the way Salesforce compares them: text without regard
 * to letter case, numbers numerically, dates chronologically, ids by their case-sensitive 15-character form.
 */
final class FieldValues {
    private FieldValues() {
    }

    /** A comparable form of {@code value} for a field of that schema, or null for an empty field. */
    static Comparable<?> normalize(FieldSchema field, Object value) {
        if (value == null) {
            return null;
        }
        FieldType type = field.type();
        if (type == FieldType.ID || type == FieldType.REFERENCE) {
            return idKey(value.toString());
        }
        if (type.isNumeric()) {
            return new BigDecimal(value.toString());
        }
        return switch (type) {
            case BOOLEAN -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
            case DATE -> Temporals.date(value.toString());
            case DATETIME -> Temporals.dateTime(value.toString());
            default -> value.toString().toLowerCase(Locale.ROOT);
        };
    }

    /** The 15-character case-sensitive id that an 18-character id extends with a checksum. */
    static String idKey(String id) {
        return id.length() == 18 ? id.substring(0, 15) : id;
    }

    /** Compares two normalized values of the same field. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Comparable<?> left, Comparable<?> right) {
        return ((Comparable) left).compareTo(right);
    }
}
