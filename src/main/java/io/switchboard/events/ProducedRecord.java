package io.switchboard.events;

/** A Salesforce record an event produced, as the status API lists it. action: created, updated or linked. */
public record ProducedRecord(String sobject, String id, String action) {
}
