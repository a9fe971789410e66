package io.switchboard.contacts;

/** One entry of the field map: a source contact's value, the Contact field it is kept in, and which way it moves. */
public record ContactField(SourcePath source, String salesforceField, Direction direction, int line) {
}
