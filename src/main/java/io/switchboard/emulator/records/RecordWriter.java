package io.switchboard.emulator.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import io.switchboard.emulator.schema.SObjectSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates, updates, upserts and deletes records the way Salesforce does: validated, with system fields, defaults,
 * auto-numbers, derived fields and side records (a file's document and link), each write all-or-nothing. Every
 * write, a deletion included, stamps LastModifiedDate, LastModifiedById and SystemModstamp; deletions go to the
 * recycle bin.
 */
public final class RecordWriter {
    /** Past the seeded records, so generated ids never collide with the seeded constants. */
    private static final long FIRST_GENERATED_SEQUENCE = 100_000;

    private final OrgModel model;
    private final RecordStore store;
    private final RecordValidator validator;
    private final Clock clock;
    private final AtomicLong idSequence = new AtomicLong(FIRST_GENERATED_SEQUENCE);
    private final Map<String, AtomicLong> autoNumbers = new ConcurrentHashMap<>();

    public RecordWriter(OrgModel model, RecordStore store, RecordValidator validator, Clock clock) {
        this.model = model;
        this.store = store;
        this.validator = validator;
        this.clock = clock;
    }

    public OrgModel model() {
        return model;
    }

    /** POST /sobjects/{type}: the new record's id. */
    public String create(SObjectSchema object, JsonNode body, String userId) {
        return store.inTransaction(() -> insertValidated(object, body, WriteMode.INSERT, userId));
    }

    /** PATCH /sobjects/{type}/{id}. */
    public void update(SObjectSchema object, String id, JsonNode body, String userId) {
        store.inTransaction(() -> {
            Map<String, Object> existing = existing(object, id);
            applyUpdate(object, existing, body, userId);
            return id;
        });
    }

    /** DELETE /sobjects/{type}/{id}: into the recycle bin, stamped as a write by the deleting user. */
    public void delete(SObjectSchema object, String id, String userId) {
        store.inTransaction(() -> {
            Map<String, Object> existing = existing(object, id);
            if (!model.deletable(object)) {
                throw new SalesforceError(400, "INVALID_TYPE",
                        "entity type " + object.name() + " does not support delete");
            }
            String now = Timestamps.format(clock.instant());
            if (object.name().equals("ContentDocument")) {
                deleteFileParts((String) existing.get("Id"), userId, now);
            }
            recycle(existing, userId, now);
            return id;
        });
    }

    /** PATCH /sobjects/{type}/{field}/{value}: updates the one match, creates when none, writes nothing on several. */
    public UpsertResult upsert(SObjectSchema object, FieldSchema key, String value, JsonNode body, String userId) {
        return store.inTransaction(() -> {
            refuseConflictingKey(key, value, body);
            List<Map<String, Object>> matches = matching(object, key, value);
            if (matches.size() > 1) {
                return new UpsertResult(matches.stream().map(match -> (String) match.get("Id")).toList(), false);
            }
            if (matches.size() == 1) {
                Map<String, Object> existing = matches.get(0);
                applyUpdate(object, existing, withoutKey(key, body), userId);
                return new UpsertResult(List.of((String) existing.get("Id")), false);
            }
            if (key.type() == FieldType.ID) {
                throw missing(object, value);
            }
            ObjectNode withKey = body != null && body.isObject() ? ((ObjectNode) body).deepCopy() : null;
            if (withKey != null) {
                withKey.put(key.name(), value);
            }
            return new UpsertResult(List.of(insertValidated(object, withKey, WriteMode.UPSERT_INSERT, userId)), true);
        });
    }

    /**
     * An upsert keyed on Id whose record gives no Id, as Bulk API data rows may: a new record, written under
     * upsert's rules (no audit fields).
     */
    public String insertForUpsert(SObjectSchema object, JsonNode body, String userId) {
        return store.inTransaction(() -> insertValidated(object, body, WriteMode.UPSERT_INSERT, userId));
    }

    /** The records whose key field holds that value: external ids compare case-insensitively, as Salesforce's do. */
    public List<Map<String, Object>> matching(SObjectSchema object, FieldSchema key, String value) {
        if (key.type() == FieldType.ID) {
            return Ids.isValid(value) ? store.byId(value).filter(record -> isOf(object, record)).stream().toList()
                    : List.of();
        }
        return store.withText(object.name(), key.name(), value);
    }

    /**
     * Stores a record without the API's field checks, for the seed and the admin API: system fields may be given,
     * the rest is filled in as on a normal insert.
     */
    public String insertTrusted(SObjectSchema object, Map<String, Object> values, String userId) {
        if (Boolean.TRUE.equals(values.get("IsDeleted"))) {
            throw new IllegalArgumentException("IsDeleted cannot be seeded: insert the record, then delete it");
        }
        return store.inTransaction(() -> {
            Map<String, Object> record = blankRecord(object);
            values.forEach((name, value) -> {
                FieldSchema field = object.field(name).orElseThrow(() ->
                        new IllegalArgumentException("No field " + name + " on " + object.name()));
                record.put(field.name(), trusted(field, value));
            });
            return insertRecord(object, record, userId);
        });
    }

    /** A datetime in the form every stored one has, so that answers, queries and windows read it alike. */
    private static Object trusted(FieldSchema field, Object value) {
        if (field.type() != FieldType.DATETIME || value == null) {
            return value;
        }
        return Timestamps.parseDateTime(value.toString()).map(Timestamps::format).orElseThrow(() ->
                new IllegalArgumentException(field.name() + " must be an ISO 8601 datetime such as"
                        + " 2026-11-20T10:01:07Z, was: " + value));
    }

    /** Forgets auto-number positions, for a reset to the seed. */
    public void resetSequences() {
        autoNumbers.clear();
    }

    private String insertValidated(SObjectSchema object, JsonNode body, WriteMode mode, String userId) {
        if (!model.createable(object)) {
            throw new SalesforceError(400, "INVALID_TYPE", "entity type " + object.name() + " does not support create");
        }
        Map<FieldSchema, Object> values = validator.validate(object, body, mode, userId, null);
        Map<String, Object> record = blankRecord(object);
        values.forEach((field, value) -> record.put(field.name(), value));
        if (object.name().equals("Task") && (record.get("WhoId") != null || record.get("WhatId") != null)) {
            // Salesforce drops given LastModified* stamps on activities linked to a person or record.
            record.put("LastModifiedDate", null);
            record.put("LastModifiedById", null);
        }
        return insertRecord(object, record, userId);
    }

    private String insertRecord(SObjectSchema object, Map<String, Object> record, String userId) {
        String now = Timestamps.format(clock.instant());
        if (record.get("Id") == null) {
            record.put("Id", Ids.of(object.keyPrefix(), idSequence.incrementAndGet()));
        }
        fillDefaults(object, record);
        stampCreation(object, record, userId, now);
        DerivedFields.apply(object, record, now);
        if (object.name().equals("ContentVersion")) {
            publishFile(record, userId);
        }
        store.insert(object.name(), record);
        return (String) record.get("Id");
    }

    private void applyUpdate(SObjectSchema object, Map<String, Object> existing, JsonNode body, String userId) {
        String id = (String) existing.get("Id");
        Map<FieldSchema, Object> values = validator.validate(object, body, WriteMode.UPDATE, userId, id);
        Map<String, Object> record = new LinkedHashMap<>(existing);
        values.forEach((field, value) -> record.put(field.name(), value));
        String now = Timestamps.format(clock.instant());
        record.put("LastModifiedDate", now);
        record.put("LastModifiedById", userId);
        record.put("SystemModstamp", now);
        DerivedFields.apply(object, record, now);
        store.replace(id, record);
    }

    private static Map<String, Object> blankRecord(SObjectSchema object) {
        Map<String, Object> record = new LinkedHashMap<>();
        object.fields().forEach(field -> record.put(field.name(), null));
        return record;
    }

    private void fillDefaults(SObjectSchema object, Map<String, Object> record) {
        for (FieldSchema field : object.fields()) {
            if (record.get(field.name()) != null) {
                continue;
            }
            Object fallback = field.type() == FieldType.BOOLEAN ? Boolean.FALSE : null;
            record.put(field.name(), model.defaultValue(object, field).orElse(fallback));
            model.autoNumberFormat(object, field).ifPresent(format ->
                    record.put(field.name(), nextAutoNumber(object.name() + "." + field.name(), format)));
        }
    }

    private String nextAutoNumber(String key, String format) {
        long next = autoNumbers.computeIfAbsent(key, ignored -> new AtomicLong(firstAutoNumber(key))).getAndIncrement();
        int digits = format.length() - format.replace("0", "").length();
        String prefix = format.substring(0, format.indexOf('0'));
        return prefix + String.format("%0" + digits + "d", next);
    }

    /** Cases start where the seeded org's sequence stands; other auto-numbers start at 1. */
    private static long firstAutoNumber(String key) {
        return key.equals("Case.CaseNumber") ? 1026 : 1;
    }

    private static void stampCreation(SObjectSchema object, Map<String, Object> record, String userId, String now) {
        if (object.field("OwnerId").isPresent() && record.get("OwnerId") == null) {
            record.put("OwnerId", userId);
        }
        if (record.get("CreatedDate") == null) {
            record.put("CreatedDate", now);
        }
        if (record.get("CreatedById") == null) {
            record.put("CreatedById", userId);
        }
        if (record.get("LastModifiedDate") == null) {
            record.put("LastModifiedDate", now);
        }
        if (record.get("LastModifiedById") == null) {
            record.put("LastModifiedById", userId);
        }
        // Only a trusted insert (seed, admin) can bring its own: describe makes the field writable by no one.
        if (record.get("SystemModstamp") == null) {
            record.put("SystemModstamp", now);
        }
    }

    /** A new file version creates its document and, when published to a record, the link to that record. */
    private void publishFile(Map<String, Object> version, String userId) {
        SObjectSchema document = model.schema().object("ContentDocument").orElseThrow();
        Map<String, Object> documentRecord = blankRecord(document);
        documentRecord.put("Title", version.get("Title"));
        documentRecord.put("FileExtension", version.get("FileExtension"));
        documentRecord.put("FileType", version.get("FileType"));
        documentRecord.put("ContentSize", version.get("ContentSize"));
        documentRecord.put("LatestPublishedVersionId", version.get("Id"));
        documentRecord.put("OwnerId", version.get("OwnerId"));
        String documentId = insertRecord(document, documentRecord, userId);
        version.put("ContentDocumentId", documentId);
        if (version.get("FirstPublishLocationId") != null) {
            SObjectSchema link = model.schema().object("ContentDocumentLink").orElseThrow();
            Map<String, Object> linkRecord = blankRecord(link);
            linkRecord.put("ContentDocumentId", documentId);
            linkRecord.put("LinkedEntityId", version.get("FirstPublishLocationId"));
            linkRecord.put("ShareType", "I");
            insertRecord(link, linkRecord, userId);
        }
    }

    /** Deleting a document deletes its versions and links with it, as deleting a file does in Salesforce. */
    private void deleteFileParts(String documentId, String userId, String now) {
        for (String type : List.of("ContentVersion", "ContentDocumentLink")) {
            store.records(type).stream().filter(record -> documentId.equals(record.get("ContentDocumentId")))
                    .forEach(record -> recycle(record, userId, now));
        }
    }

    /**
     * Salesforce stamps a deletion like any write, the deleting user included: that is how an org finds out who
     * deleted a record, and how replication learns when (getDeleted reports the SystemModstamp).
     */
    private void recycle(Map<String, Object> record, String userId, String now) {
        Map<String, Object> deleted = new LinkedHashMap<>(record);
        deleted.put("IsDeleted", true);
        deleted.put("LastModifiedDate", now);
        deleted.put("LastModifiedById", userId);
        deleted.put("SystemModstamp", now);
        store.recycle((String) record.get("Id"), deleted);
    }

    private Map<String, Object> existing(SObjectSchema object, String id) {
        return store.byId(id).filter(record -> isOf(object, record)).orElseThrow(() -> missing(object, id));
    }

    /** A record of that type in the recycle bin is deleted; any other id is simply not there. */
    private SalesforceError missing(SObjectSchema object, String id) {
        return store.inRecycleBin(id).filter(record -> isOf(object, record)).isPresent()
                ? SalesforceError.entityIsDeleted()
                : SalesforceError.notFound("The requested resource does not exist");
    }

    private boolean isOf(SObjectSchema object, Map<String, Object> record) {
        return model.schema().objectForId((String) record.get("Id")).map(SObjectSchema::name)
                .filter(object.name()::equals).isPresent();
    }

    private static void refuseConflictingKey(FieldSchema key, String value, JsonNode body) {
        if (body == null || !body.isObject()) {
            return;
        }
        body.fields().forEachRemaining(entry -> {
            if (entry.getKey().equalsIgnoreCase(key.name()) && !entry.getValue().asText().equalsIgnoreCase(value)) {
                throw new SalesforceError(400, "INVALID_FIELD", "The value of " + key.name()
                        + " in the request body does not match the value in the URL: " + entry.getValue().asText(),
                        List.of(key.name()));
            }
        });
    }

    /** A body repeating the key with the same value is accepted; the key itself is not rewritten on update. */
    private static JsonNode withoutKey(FieldSchema key, JsonNode body) {
        if (body == null || !body.isObject()) {
            return body;
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        List<String> names = new ArrayList<>();
        copy.fieldNames().forEachRemaining(names::add);
        names.stream().filter(name -> name.equalsIgnoreCase(key.name())).forEach(copy::remove);
        return copy;
    }
}
