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
 */
public interface RecordSource {
    OrgSchema schema();

    /** All records of that type (name as the schema spells it), in insertion order. */
    List<Map<String, Object>> records(String sobjectName);

    /** Records of that type that the search index already holds: inserted longer ago than the search lag. */
    List<Map<String, Object>> searchableRecords(String sobjectName);

    Optional<Map<String, Object>> byId(String id);
}
