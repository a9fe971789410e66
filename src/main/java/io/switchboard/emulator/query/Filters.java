package io.switchboard.emulator.query;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Builds the tests behind SOQL's comparison operators. As in Salesforce, an empty field equals only null,
 * counts as different from every value ({@code !=}, NOT IN) and is never less or greater than anything.
 */
final class Filters {
    private Filters() {
    }

    static Predicate<Comparable<?>> compare(String operator, Operand operand) {
        if (operand instanceof Operand.Range range) {
            return againstRange(operator, range);
        }
        Comparable<?> value = ((Operand.Value) operand).value();
        return value == null ? againstNull(operator) : againstValue(operator, value);
    }

    static Predicate<Comparable<?>> in(List<Comparable<?>> values, boolean negated) {
        Predicate<Comparable<?>> member = field -> values.stream().anyMatch(value -> value == null
                ? field == null
                : field != null && FieldValues.compare(field, value) == 0);
        return negated ? member.negate() : member;
    }

    static Predicate<Comparable<?>> like(Pattern pattern) {
        return field -> field != null && pattern.matcher(field.toString()).matches();
    }

    private static Predicate<Comparable<?>> againstNull(String operator) {
        return switch (operator) {
            case "=" -> field -> field == null;
            case "!=", "<>" -> field -> field != null;
            default -> field -> false;
        };
    }

    private static Predicate<Comparable<?>> againstValue(String operator, Comparable<?> value) {
        return switch (operator) {
            case "=" -> field -> field != null && FieldValues.compare(field, value) == 0;
            case "!=", "<>" -> field -> field == null || FieldValues.compare(field, value) != 0;
            case "<" -> field -> field != null && FieldValues.compare(field, value) < 0;
            case "<=" -> field -> field != null && FieldValues.compare(field, value) <= 0;
            case ">" -> field -> field != null && FieldValues.compare(field, value) > 0;
            default -> field -> field != null && FieldValues.compare(field, value) >= 0;
        };
    }

    private static Predicate<Comparable<?>> againstRange(String operator, Operand.Range range) {
        Predicate<Comparable<?>> inside = field -> field != null
                && FieldValues.compare(field, range.start()) >= 0 && FieldValues.compare(field, range.end()) < 0;
        return switch (operator) {
            case "=" -> inside;
            case "!=", "<>" -> inside.negate();
            case "<" -> field -> field != null && FieldValues.compare(field, range.start()) < 0;
            case "<=" -> field -> field != null && FieldValues.compare(field, range.end()) < 0;
            case ">" -> field -> field != null && FieldValues.compare(field, range.end()) >= 0;
            default -> field -> field != null && FieldValues.compare(field, range.start()) >= 0;
        };
    }
}
