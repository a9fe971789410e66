package io.switchboard.emulator.query;

import io.switchboard.emulator.api.RecordSource;
import io.switchboard.emulator.schema.OrgSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A record source held in memory, whose search index holds only the records a test says it holds, and whose recycle
 * bin holds the records a test deleted.
 */
final class InMemoryRecords implements RecordSource {
    private final OrgSchema schema;
    private final Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    private final Set<String> indexed = new HashSet<>();
    private int nextNumber = 1;

    InMemoryRecords(OrgSchema schema) {
        this.schema = schema;
    }

    /** Stores a record that the search index already holds, and answers its new id. */
    String insert(String type, Object... namesAndValues) {
        String id = insertUnindexed(type, namesAndValues);
        indexed.add(id);
        return id;
    }

    /** Stores a record too recent for the search index. */
    String insertUnindexed(String type, Object... namesAndValues) {
        String prefix = schema.object(type).orElseThrow().keyPrefix();
        String id = prefix + String.format("%012dAAA", nextNumber++);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("Id", id);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        byId.put(id, record);
        return id;
    }

    void update(String id, String field, Object value) {
        byId.get(id).put(field, value);
    }

    /** Moves a record to the recycle bin. */
    void delete(String id) {
        update(id, "IsDeleted", true);
    }

    @Override
    public OrgSchema schema() {
        return schema;
    }

    @Override
    public List<Map<String, Object>> records(String sobjectName) {
        return allRows(sobjectName).stream().filter(record -> !deleted(record)).toList();
    }

    @Override
    public List<Map<String, Object>> allRows(String sobjectName) {
        String prefix = schema.object(sobjectName).orElseThrow().keyPrefix();
        List<Map<String, Object>> records = new ArrayList<>();
        byId.forEach((id, record) -> {
            if (id.startsWith(prefix)) {
                records.add(Map.copyOf(withoutNulls(record)));
            }
        });
        return records;
    }

    @Override
    public List<Map<String, Object>> searchableRecords(String sobjectName) {
        return records(sobjectName).stream().filter(record -> indexed.contains(record.get("Id"))).toList();
    }

    @Override
    public Optional<Map<String, Object>> byId(String id) {
        return Optional.ofNullable(byId.get(id)).filter(record -> !deleted(record))
                .map(record -> Map.copyOf(withoutNulls(record)));
    }

    @Override
    public Optional<Map<String, Object>> inRecycleBin(String id) {
        return Optional.ofNullable(byId.get(id)).filter(InMemoryRecords::deleted)
                .map(record -> Map.copyOf(withoutNulls(record)));
    }

    private static boolean deleted(Map<String, Object> record) {
        return Boolean.TRUE.equals(record.get("IsDeleted"));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>();
        record.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return copy;
    }
}
