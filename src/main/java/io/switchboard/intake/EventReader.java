package io.switchboard.intake;

import java.util.List;

/**
 * Reads one event type's JSON, already checked against the type's schema, into its record, and names the fields its
 * idempotency key is derived from.
 */
interface EventReader<T extends Record> {
    T read(FieldReader root);

    String source(T event);

    /** The values that make two deliveries the same event, source first. */
    List<String> keyParts(T event);

    /** What is odd about a valid event but not wrong enough to refuse it; shown on the event. */
    default List<String> warnings(T event) {
        return List.of();
    }
}
