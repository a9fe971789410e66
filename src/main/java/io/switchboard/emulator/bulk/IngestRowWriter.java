package io.switchboard.emulator.bulk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.RecordSource;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.records.Ids;
import io.switchboard.emulator.records.RecordWriter;
import io.switchboard.emulator.records.UpsertResult;
import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import io.switchboard.emulator.schema.SObjectSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes rows of job data through the same {@link RecordWriter} every REST write uses, so each row is validated as
 * the single request would be. Each row succeeds or fails on its own: Bulk API 2.0 is never all-or-none.
 */
final class IngestRowWriter {
    private final RecordWriter writer;
    private final RecordSource records;

    IngestRowWriter(RecordWriter writer, RecordSource records) {
        this.writer = writer;
        this.records = records;
    }

    /** One internal batch of rows, in the order given. */
    List<RowOutcome> write(JobDefinition job, JobColumns columns, List<List<String>> rows, String userId) {
        Map<String, Integer> keyCounts = job.operation() == IngestOperation.UPSERT
                && job.externalIdField().type() != FieldType.ID ? keyCounts(columns, job.externalIdField(), rows)
                : Map.of();
        List<RowOutcome> outcomes = new ArrayList<>();
        for (List<String> row : rows) {
            outcomes.add(writeOne(new Row(job, columns, row), keyCounts, userId));
        }
        return outcomes;
    }

    /** A row and where its Id and upsert key sit. */
    private record Row(JobDefinition job, JobColumns columns, List<String> values) {
        SObjectSchema object() {
            return job.object();
        }

        String value(FieldSchema field) {
            int index = columns.indexOf(field);
            return index < 0 ? "" : values.get(index);
        }

        String id() {
            int index = columns.indexOf("Id");
            return index < 0 ? "" : values.get(index);
        }

        /** Whether the row's Id picks the record written, so a failed row reports it in sf__Id. */
        boolean namesRecordById() {
            return switch (job.operation()) {
                case UPDATE, DELETE -> true;
                case UPSERT -> job.externalIdField().type() == FieldType.ID;
                case INSERT -> false;
            };
        }
    }

    private RowOutcome writeOne(Row row, Map<String, Integer> keyCounts, String userId) {
        try {
            return switch (row.job().operation()) {
                case INSERT -> insert(row, userId);
                case UPDATE -> update(row, userId);
                case UPSERT -> upsert(row, keyCounts, userId);
                case DELETE -> delete(row, userId);
            };
        } catch (SalesforceError refused) {
            return RowOutcome.failed(row.values(), row.namesRecordById() ? row.id() : "",
                    BulkErrors.rowError(refused.errorCode(), refused.getMessage(), refused.fields()));
        }
    }

    private RowOutcome insert(Row row, String userId) {
        if (!row.id().isEmpty()) {
            throw new SalesforceError(400, "INVALID_FIELD", "cannot specify Id in an insert call", List.of("Id"));
        }
        return RowOutcome.succeeded(row.values(), writer.create(row.object(), body(row, null), userId), true);
    }

    private RowOutcome update(Row row, String userId) {
        String id = existingId(row, "Id not specified in an update call");
        writer.update(row.object(), id, body(row, "Id"), userId);
        return RowOutcome.succeeded(row.values(), id, false);
    }

    /** The wording for a delete row without Id follows the update one's; it is not confirmed. */
    private RowOutcome delete(Row row, String userId) {
        String id = existingId(row, "Id not specified in a delete call");
        writer.delete(row.object(), id, userId);
        return RowOutcome.succeeded(row.values(), id, false);
    }

    private RowOutcome upsert(Row row, Map<String, Integer> keyCounts, String userId) {
        FieldSchema key = row.job().externalIdField();
        String value = row.value(key);
        ObjectNode body = body(row, key.name());
        if (value.isEmpty() && key.type() == FieldType.ID) {
            return RowOutcome.succeeded(row.values(), writer.insertForUpsert(row.object(), body, userId), true);
        }
        if (value.isEmpty()) {
            throw new SalesforceError(400, "MISSING_ARGUMENT", key.name() + " not specified", List.of(key.name()));
        }
        if (keyCounts.getOrDefault(value.toLowerCase(Locale.ROOT), 0) > 1) {
            // Not confirmed: the wording for two rows of one batch with the same external id, which both fail.
            throw new SalesforceError(400, "DUPLICATE_VALUE", "Duplicate external id specified: " + value,
                    List.of(key.name()));
        }
        if (key.type() == FieldType.ID) {
            existingId(row, null);
        }
        UpsertResult result = writer.upsert(row.object(), key, value, body, userId);
        if (result.ambiguous()) {
            // Not confirmed for Bulk results: the wording SOAP and collections upserts give a key matching several.
            throw new SalesforceError(400, "DUPLICATE_EXTERNAL_ID", key.name()
                    + ": more than one record found for external id field: " + result.ids(), List.of(key.name()));
        }
        return RowOutcome.succeeded(row.values(), result.ids().get(0), result.created());
    }

    /**
     * The 18-character id of the existing record the row's Id names. An unknown id is refused as a reference to
     * nothing (not confirmed: Salesforce is reported to answer ENTITY_IS_DELETED for a deleted record's id, and the
     * emulator keeps no deleted records).
     */
    private String existingId(Row row, String missingMessage) {
        String id = row.id();
        if (id.isEmpty()) {
            throw new SalesforceError(400, "MISSING_ARGUMENT", missingMessage, List.of());
        }
        SObjectSchema object = row.object();
        if (!Ids.isValid(id) || !id.startsWith(object.keyPrefix())) {
            throw new SalesforceError(400, "MALFORMED_ID", object.label() + " ID: id value of incorrect type: " + id,
                    List.of("Id"));
        }
        String canonical = Ids.canonical(id);
        if (records.byId(canonical).isEmpty()) {
            throw new SalesforceError(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of());
        }
        return canonical;
    }

    /**
     * The row as a REST body: empty values left out (on update they leave the field as it is), {@code #N/A} as
     * null, every other value checked against its field's type.
     */
    private static ObjectNode body(Row row, String omittedField) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        JobColumns columns = row.columns();
        for (int i = 0; i < columns.fields().size(); i++) {
            FieldSchema field = columns.fields().get(i);
            String value = row.values().get(i);
            if (value.isEmpty() || field.name().equals(omittedField) || field.name().equals("Id")) {
                continue;
            }
            if (value.equals(BulkValues.NULL_VALUE)) {
                body.putNull(field.name());
            } else {
                body.put(field.name(), BulkValues.normalized(field, value, i + 1));
            }
        }
        return body;
    }

    /** How often each external id value occurs in the batch, compared in any letter case as Salesforce does. */
    private static Map<String, Integer> keyCounts(JobColumns columns, FieldSchema key, List<List<String>> rows) {
        int index = columns.indexOf(key);
        Map<String, Integer> counts = new HashMap<>();
        if (index >= 0) {
            rows.forEach(row -> counts.merge(row.get(index).toLowerCase(Locale.ROOT), 1, Integer::sum));
        }
        return counts;
    }
}
