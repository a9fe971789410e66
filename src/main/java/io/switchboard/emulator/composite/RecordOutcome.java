package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.SalesforceError;
import java.util.List;

/**
 * What happened to one record of an sObject collections request, answered as a SaveResult, UpsertResult or
 * DeleteResult.
 *
 * @param id the record's id, null when the record failed or a rolled-back insert never came to exist
 * @param errors entries shaped by {@link CompositeErrors#resultError}; empty on success
 * @param created for upserts, whether the record was inserted; null for other operations
 * @param inserted the operation made a new record, so a rollback leaves no id to report
 */
record RecordOutcome(String id, List<ObjectNode> errors, Boolean created, boolean inserted) {
    RecordOutcome {
        errors = List.copyOf(errors);
    }

    static RecordOutcome insertedAs(String id) {
        return new RecordOutcome(id, List.of(), null, true);
    }

    static RecordOutcome saved(String id) {
        return new RecordOutcome(id, List.of(), null, false);
    }

    static RecordOutcome upserted(String id, boolean created) {
        return new RecordOutcome(id, List.of(), created, created);
    }

    static RecordOutcome failed(SalesforceError error) {
        return new RecordOutcome(null, List.of(CompositeErrors.resultError(error)), null, false);
    }

    static RecordOutcome failed(String statusCode, String message, List<String> fields) {
        return new RecordOutcome(null, List.of(CompositeErrors.resultError(statusCode, message, fields)), null, false);
    }

    boolean success() {
        return errors.isEmpty();
    }

    /** The answer for a record whose write was undone because another record of an allOrNone request failed. */
    RecordOutcome rolledBack() {
        if (!success()) {
            return this;
        }
        ObjectNode error = CompositeErrors.resultError("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                CompositeErrors.RECORD_ROLLED_BACK_MESSAGE, List.of());
        return new RecordOutcome(inserted ? null : id, List.of(error), null, inserted);
    }

    ObjectNode toJson() {
        ObjectNode entry = Json.object();
        if (id != null) {
            entry.put("id", id);
        }
        entry.put("success", success());
        ArrayNode list = entry.putArray("errors");
        errors.forEach(list::add);
        if (created != null && success()) {
            entry.put("created", created);
        }
        return entry;
    }
}
