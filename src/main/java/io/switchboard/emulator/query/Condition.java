package io.switchboard.emulator.query;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A WHERE clause, or one part of it, that decides whether a record belongs to the result. */
sealed interface Condition {

    /** The condition of a query without WHERE: every record. */
    Condition ALWAYS = new All(List.of());

    boolean test(Map<String, Object> record, RecordReader reader);

    /** Parts joined by AND. */
    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(Map<String, Object> record, RecordReader reader) {
            return parts.stream().allMatch(part -> part.test(record, reader));
        }
    }

    /** Parts joined by OR. */
    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(Map<String, Object> record, RecordReader reader) {
            return parts.stream().anyMatch(part -> part.test(record, reader));
        }
    }

    /** NOT of a part. */
    record Not(Condition part) implements Condition {
        @Override
        public boolean test(Map<String, Object> record, RecordReader reader) {
            return !part.test(record, reader);
        }
    }

    /**
     * One field expression such as {@code Phone = '+39...'}.
     *
     * @param accepts decides on the field's normalized value (null when the field is empty)
     */
    record FieldTest(FieldPath path, Predicate<Comparable<?>> accepts) implements Condition {
        @Override
        public boolean test(Map<String, Object> record, RecordReader reader) {
            return accepts.test(reader.normalized(record, path));
        }
    }
}
