package io.switchboard.emulator.records;

import io.switchboard.emulator.api.RecordSource;
import io.switchboard.emulator.api.Transactions;
import io.switchboard.emulator.schema.OrgSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The org's records in memory. Writes take an exclusive lock and log how to undo themselves, so a unit of work
 * that fails leaves no trace; reads see only committed or own-thread state. Deleted records stay in a recycle bin
 * for {@link #RECYCLE_BIN_RETENTION} after their deletion, then count as purged.
 */
public final class RecordStore implements RecordSource, Transactions {
    /** How long Salesforce keeps deleted records in the recycle bin before it purges them. */
    public static final Duration RECYCLE_BIN_RETENTION = Duration.ofDays(15);

    private final OrgSchema schema;
    private final Clock clock;
    private final LongSupplier searchLagMillis;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final Map<String, Stored> byId = new HashMap<>();
    private final Map<String, TreeMap<Long, Stored>> byType = new HashMap<>();
    /** By type, then field: the external id and unique fields' values, kept as every record is put or removed. */
    private final Map<String, Map<String, TextIndex>> indexes = new HashMap<>();
    private final ThreadLocal<List<Runnable>> undoLog = new ThreadLocal<>();
    private long nextSequence;
    /** Records inserted before this sequence are in the search index whatever the lag: the org's initial data. */
    private long indexedBeforeSequence;

    /**
     * One record with the order it was inserted in and when, for insertion-ordered reads and the search lag.
     *
     * @param deletedAt when it went to the recycle bin, or null while it is live
     * @param fields    unmodifiable, and handed out to readers as it is (see {@link #frozen})
     */
    private record Stored(String type, long sequence, long insertedAtMillis, Instant deletedAt,
                          Map<String, Object> fields) {
        boolean live() {
            return deletedAt == null;
        }
    }

    public RecordStore(OrgSchema schema, Clock clock, LongSupplier searchLagMillis) {
        this.schema = schema;
        this.clock = clock;
        this.searchLagMillis = searchLagMillis;
    }

    @Override
    public OrgSchema schema() {
        return schema;
    }

    @Override
    public List<Map<String, Object>> records(String sobjectName) {
        return read(() -> snapshots(sobjectName, Stored::live));
    }

    @Override
    public List<Map<String, Object>> allRows(String sobjectName) {
        return read(() -> {
            Instant purgedBefore = purgedBefore();
            return snapshots(sobjectName, stored -> stored.live() || !stored.deletedAt().isBefore(purgedBefore));
        });
    }

    @Override
    public List<Map<String, Object>> searchableRecords(String sobjectName) {
        return read(() -> {
            long insertedNoLaterThan = clock.millis() - searchLagMillis.getAsLong();
            return snapshots(sobjectName, stored -> stored.live() && (stored.sequence() < indexedBeforeSequence
                    || stored.insertedAtMillis() <= insertedNoLaterThan));
        });
    }

    /** From the index when the field is an external id or unique, otherwise by reading the type's records. */
    @Override
    public List<Map<String, Object>> withText(String sobjectName, String field, String text) {
        return read(() -> {
            String type = typeName(sobjectName);
            TextIndex index = indexes.getOrDefault(type, Map.of()).get(field);
            if (index == null) {
                return RecordSource.super.withText(sobjectName, field, text);
            }
            return index.candidates(text).stream().map(byId::get).filter(Stored::live)
                    .sorted(Comparator.comparingLong(Stored::sequence)).map(Stored::fields)
                    .filter(record -> RecordSource.hasText(record, field, text)).toList();
        });
    }

    /** Puts every record stored so far in the search index at once, as an org's existing data already is. */
    public void indexAll() {
        inTransaction(() -> indexedBeforeSequence = nextSequence);
    }

    @Override
    public Optional<Map<String, Object>> byId(String id) {
        return read(() -> stored(id).filter(Stored::live).map(Stored::fields));
    }

    @Override
    public Optional<Map<String, Object>> inRecycleBin(String id) {
        return read(() -> {
            Instant purgedBefore = purgedBefore();
            return stored(id).filter(stored -> !stored.live() && !stored.deletedAt().isBefore(purgedBefore))
                    .map(Stored::fields);
        });
    }

    /** Stores a new record whose fields, Id included, are already complete. */
    public void insert(String type, Map<String, Object> fields) {
        inTransaction(() -> {
            String id = (String) fields.get("Id");
            Stored stored = new Stored(type, nextSequence++, clock.millis(), null, frozen(fields));
            put(stored);
            logUndo(() -> remove(id));
            return id;
        });
    }

    /** Replaces the fields of a live record, keeping its place in insertion order. */
    public void replace(String id, Map<String, Object> fields) {
        inTransaction(() -> {
            Stored before = byId.get(id);
            put(new Stored(before.type(), before.sequence(), before.insertedAtMillis(), null, frozen(fields)));
            logUndo(() -> put(before));
            return id;
        });
    }

    /**
     * Moves a live record to the recycle bin with its final fields: {@code IsDeleted} true and the stamps of the
     * deletion, whose {@code SystemModstamp} is the deleted date the replication calls report.
     */
    public void recycle(String id, Map<String, Object> fields) {
        inTransaction(() -> {
            Stored before = byId.get(id);
            Instant deletedAt = Timestamps.parseDateTime((String) fields.get("SystemModstamp")).orElseThrow();
            put(new Stored(before.type(), before.sequence(), before.insertedAtMillis(), deletedAt, frozen(fields)));
            logUndo(() -> put(before));
            return id;
        });
    }

    /** Empties the store for a reset; not undoable. */
    public void clear() {
        inTransaction(() -> {
            byId.clear();
            byType.clear();
            indexes.clear();
            return null;
        });
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.writeLock().lock();
        boolean outermost = undoLog.get() == null;
        if (outermost) {
            undoLog.set(new ArrayList<>());
        }
        int savepoint = undoLog.get().size();
        try {
            return work.get();
        } catch (RuntimeException | Error failure) {
            undoTo(savepoint);
            throw failure;
        } finally {
            if (outermost) {
                undoLog.remove();
            }
            lock.writeLock().unlock();
        }
    }

    @Override
    public void rollbackCurrent() {
        if (undoLog.get() != null) {
            undoTo(0);
        }
    }

    private void undoTo(int savepoint) {
        List<Runnable> log = undoLog.get();
        while (log.size() > savepoint) {
            log.remove(log.size() - 1).run();
        }
    }

    private void logUndo(Runnable undo) {
        undoLog.get().add(undo);
    }

    private void put(Stored stored) {
        String id = (String) stored.fields().get("Id");
        Stored before = byId.put(id, stored);
        if (before != null) {
            unindex(before);
        }
        byType.computeIfAbsent(stored.type(), type -> new TreeMap<>()).put(stored.sequence(), stored);
        indexesOf(stored.type()).forEach((field, index) -> index.add(stored.fields().get(field), id));
    }

    private Stored remove(String id) {
        Stored stored = byId.remove(id);
        byType.get(stored.type()).remove(stored.sequence());
        unindex(stored);
        return stored;
    }

    private void unindex(Stored stored) {
        String id = (String) stored.fields().get("Id");
        indexesOf(stored.type()).forEach((field, index) -> index.remove(stored.fields().get(field), id));
    }

    /** The type's indexes, made with its first record (under the write lock, as every put is). */
    private Map<String, TextIndex> indexesOf(String type) {
        return indexes.computeIfAbsent(type, name -> {
            Map<String, TextIndex> byField = new HashMap<>();
            schema.object(name).ifPresent(object -> object.fields().stream()
                    .filter(field -> field.externalId() || field.unique())
                    .forEach(field -> byField.put(field.name(), new TextIndex())));
            return byField;
        });
    }

    private String typeName(String sobjectName) {
        return schema.object(sobjectName).map(object -> object.name()).orElse(sobjectName);
    }

    private Optional<Stored> stored(String id) {
        return Ids.isValid(id) ? Optional.ofNullable(byId.get(Ids.canonical(id))) : Optional.empty();
    }

    /** Records deleted before this instant have left the recycle bin. */
    private Instant purgedBefore() {
        return clock.instant().minus(RECYCLE_BIN_RETENTION);
    }

    private List<Map<String, Object>> snapshots(String sobjectName, Predicate<Stored> included) {
        String type = typeName(sobjectName);
        List<Map<String, Object>> result = new ArrayList<>();
        for (Stored stored : byType.getOrDefault(type, new TreeMap<>()).values()) {
            if (included.test(stored)) {
                result.add(stored.fields());
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * A record's fields as stored: copied once as they are written and never changed after (a write stores a new
     * copy), so that every read hands out the stored map itself. Reads copied every record of a type for each
     * query before, which was a third of the emulator's CPU in a profile of the throughput benchmark.
     */
    private static Map<String, Object> frozen(Map<String, Object> fields) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    private <T> T read(Supplier<T> reading) {
        lock.readLock().lock();
        try {
            return reading.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
