package io.switchboard.emulator.query;

import java.util.List;

/** What a SOQL SELECT asks for: fields, the number of rows, or the number of non-empty values of a field. */
sealed interface Selection {

    record Fields(List<FieldPath> paths) implements Selection {
        public Fields {
            paths = List.copyOf(paths);
        }
    }

    /** {@code COUNT()}: only totalSize is answered. */
    record CountRows() implements Selection {
    }

    /** {@code COUNT(field), ...}: one AggregateResult row with the non-empty values of each field. */
    record CountOf(List<FieldPath> paths) implements Selection {
        public CountOf {
            paths = List.copyOf(paths);
        }
    }
}
