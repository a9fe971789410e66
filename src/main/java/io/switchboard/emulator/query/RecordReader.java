package io.switchboard.emulator.query;

import io.switchboard.emulator.api.RecordSource;
import io.switchboard.emulator.schema.FieldSchema;
import java.util.Map;
import java.util.Optional;

/** Reads field values from stored records, following parent relationships through the record source. */
final class RecordReader {
    private final RecordSource source;

    RecordReader(RecordSource source) {
        this.source = source;
    }

    /** The raw stored value at the end of {@code path}, or null when the field or a parent on the way is empty. */
    Object read(Map<String, Object> record, FieldPath path) {
        Map<String, Object> current = record;
        for (FieldSchema reference : path.references()) {
            Optional<Map<String, Object>> parent = parent(current, reference);
            if (parent.isEmpty()) {
                return null;
            }
            current = parent.get();
        }
        return current.get(path.field().name());
    }

    /** The comparable form of the value at the end of {@code path}. */
    Comparable<?> normalized(Map<String, Object> record, FieldPath path) {
        return FieldValues.normalize(path.field(), read(record, path));
    }

    /** The record that a reference field of {@code record} points at, when it is set and still exists. */
    Optional<Map<String, Object>> parent(Map<String, Object> record, FieldSchema reference) {
        Object id = record.get(reference.name());
        return id == null ? Optional.empty() : source.byId(id.toString());
    }
}
