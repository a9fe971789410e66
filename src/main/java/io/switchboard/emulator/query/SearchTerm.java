package io.switchboard.emulator.query;

import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import java.util.List;
import java.util.Map;

/**
 * The text between the braces of {@code FIND {...}}: alternatives joined by OR, each a set of units that must
 * all be found (AND, or simply side by side) and units that must not (AND NOT).
 */
record SearchTerm(List<SearchTerm.Conjunction> alternatives) {
    /** Fewest digits a national number can have and still match its international form by its ending. */
    static final int MIN_PHONE_SUFFIX = 7;

    SearchTerm {
        alternatives = List.copyOf(alternatives);
    }

    record Conjunction(List<SearchUnit> required, List<SearchUnit> excluded) {
        public Conjunction {
            required = List.copyOf(required);
            excluded = List.copyOf(excluded);
        }

        boolean matches(Map<String, Object> record, List<FieldSchema> fields, boolean byWords) {
            List<List<String>> words = fields.stream().map(field -> record.get(field.name()))
                    .filter(value -> value != null).map(value -> SearchUnit.wordsOf(value.toString())).toList();
            boolean found = (byWords && required.stream().allMatch(unit -> words.stream().anyMatch(unit::matches)))
                    || matchesPhone(record, fields);
            return found && excluded.stream().noneMatch(unit -> words.stream().anyMatch(unit::matches));
        }

        /**
         * Phone fields match on digits alone, so that every formatting of a number finds it; a national number
         * also finds its international form, and the other way round, by the ending they share.
         */
        private boolean matchesPhone(Map<String, Object> record, List<FieldSchema> fields) {
            String wanted = digits();
            return !wanted.isEmpty() && fields.stream().filter(field -> field.type() == FieldType.PHONE)
                    .map(field -> record.get(field.name())).filter(value -> value != null)
                    .anyMatch(value -> samePhone(wanted, digitsOf(value.toString())));
        }

        private String digits() {
            StringBuilder digits = new StringBuilder();
            required.forEach(unit -> digits.append(unit.digits()));
            return digits.toString();
        }
    }

    boolean matches(Map<String, Object> record, List<FieldSchema> fields, boolean byWords) {
        return alternatives.stream().anyMatch(conjunction -> conjunction.matches(record, fields, byWords));
    }

    int longestUnit() {
        return alternatives.stream().flatMap(c -> c.required().stream()).mapToInt(SearchUnit::significantLength)
                .max().orElse(0);
    }

    static boolean samePhone(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return false;
        }
        String shorter = left.length() <= right.length() ? left : right;
        String longer = shorter == left ? right : left;
        return longer.equals(shorter) || (shorter.length() >= MIN_PHONE_SUFFIX && longer.endsWith(shorter));
    }

    private static String digitsOf(String value) {
        return value.replaceAll("\\D", "");
    }
}
