package io.switchboard.emulator.api;

import io.switchboard.emulator.schema.OrgSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to the org's stored records for queries and searches. Records are maps from field name (as the
 * schema spells it) to value: String for text, ids, picklists, dates ({@code 2026-11-20}) and datetimes
 * ({@code 2026-11-20T10:01:07.000+0000}); Integer or Double for numbers; Boolean; null for empty fields.
 * Returned maps are snapshots the caller may not modify.
 * <p>
 * A deleted record stays in the recycle bin, with {@code IsDeleted} true, until it is purged: only
 * {@link #allRows} and {@link #inRecycleBin} see it, as only queryAll and the replication calls do in Salesforce.
 */
public interface RecordSource {
    OrgSchema schema();

    /** The live records of that type (name as the schema spells it), in insertion order. */
    List<Map<String, Object>> records(String sobjectName);

    /** The live records of that type and those in its recycle bin, in insertion order, as queryAll reads them. */
    List<Map<String, Object>> allRows(String sobjectName);

    /** Live records of that type that the search index already holds: inserted longer ago than the search lag. */
    List<Map<String, Object>> searchableRecords(String sobjectName);

    /**
     * The live records of that type whose field, as text, equals {@code text} ignoring case, in insertion order: how
     * an upsert finds the record of an external id and a unique field its duplicates. A store may answer it from an
     * index; this reads them all.
     */
    default List<Map<String, Object>> withText(String sobjectName, String field, String text) {
        return records(sobjectName).stream().filter(record -> hasText(record, field, text)).toList();
    }

    /** Whether the record's field, as text, equals {@code text} ignoring case: the comparison {@link #withText} makes. */
    static boolean hasText(Map<String, Object> record, String field, String text) {
        Object value = record.get(field);
        return value != null && value.toString().equalsIgnoreCase(text);
    }

    /** The live record with that id. */
    Optional<Map<String, Object>> byId(String id);

    /** The record with that id while it is in the recycle bin: deleted, not yet purged. */
    Optional<Map<String, Object>> inRecycleBin(String id);
}
