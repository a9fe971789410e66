package io.switchboard.api;

/** One thing wrong with a request: the field by its JSON path (e.g. {@code messages[2].sentAt}) and what was expected. */
public record FieldProblem(String field, String message) {
}
