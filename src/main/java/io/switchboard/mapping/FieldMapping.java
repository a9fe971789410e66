package io.switchboard.mapping;

/** One entry of a field map: the Salesforce field, where its value comes from, and the line it was written on. */
public record FieldMapping(String field, ValueSource source, int line) {
}
