package io.switchboard.emulator.query;

import io.switchboard.emulator.schema.FieldSchema;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A field named in a query, possibly through parent relationships ({@code Contact.Account.Name}).
 *
 * @param references the reference fields walked to reach the field's record, nearest first
 * @param field the field read on the last record
 */
record FieldPath(List<FieldSchema> references, FieldSchema field) {

    FieldPath {
        references = List.copyOf(references);
    }

    /** The path as Salesforce spells it back, with the schema's spelling of each name. */
    String canonical() {
        return Stream.concat(references.stream().map(FieldSchema::relationshipName), Stream.of(field.name()))
                .collect(Collectors.joining("."));
    }
}
