package io.switchboard.emulator.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.seed.StandardSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecordStoreTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicLong lag = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private final RecordStore store = new RecordStore(StandardSchema.model().schema(), clock, lag::get);

    private static Map<String, Object> account(String id, String name) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Id", id);
        fields.put("Name", name);
        return fields;
    }

    /** Moves a stored record to the recycle bin, stamped now. */
    private void recycle(String id) {
        Map<String, Object> deleted = new LinkedHashMap<>(store.byId(id).orElseThrow());
        deleted.put("IsDeleted", true);
        deleted.put("SystemModstamp", Timestamps.format(clock.instant()));
        store.recycle(id, deleted);
    }

    @Test
    void shouldUndoEveryWriteOfAFailedUnit() {
        String kept = Ids.of("001", 1);
        store.insert("Account", account(kept, "Kept"));

        assertThrows(SalesforceError.class, () -> store.inTransaction(() -> {
            store.insert("Account", account(Ids.of("001", 2), "Gone"));
            store.replace(kept, account(kept, "Renamed"));
            recycle(kept);
            throw SalesforceError.notFound("stop");
        }));

        assertEquals(1, store.records("Account").size());
        assertEquals("Kept", store.records("Account").get(0).get("Name"));
    }

    @Test
    void shouldUndoOnlyTheFailedNestedUnit() {
        store.inTransaction(() -> {
            store.insert("Account", account(Ids.of("001", 1), "Outer"));
            assertThrows(SalesforceError.class, () -> store.inTransaction(() -> {
                store.insert("Account", account(Ids.of("001", 2), "Inner"));
                throw SalesforceError.notFound("stop");
            }));
            return null;
        });

        assertEquals(1, store.records("Account").size());
        assertEquals("Outer", store.records("Account").get(0).get("Name"));
    }

    @Test
    void shouldRollBackTheWholeCurrentUnitOnRequest() {
        store.inTransaction(() -> {
            store.insert("Account", account(Ids.of("001", 1), "One"));
            store.rollbackCurrent();
            store.insert("Account", account(Ids.of("001", 2), "Two"));
            return null;
        });

        assertEquals(1, store.records("Account").size());
        assertEquals("Two", store.records("Account").get(0).get("Name"));
    }

    @Test
    void shouldKeepInsertionOrderWhenADeleteIsUndone() {
        for (int i = 1; i <= 3; i++) {
            store.insert("Account", account(Ids.of("001", i), "A" + i));
        }

        assertThrows(SalesforceError.class, () -> store.inTransaction(() -> {
            recycle(Ids.of("001", 2));
            throw SalesforceError.notFound("stop");
        }));

        assertEquals("A2", store.records("account").get(1).get("Name"));
    }

    @Test
    void shouldKeepADeletedRecordInTheRecycleBinForFifteenDays() {
        String id = Ids.of("001", 1);
        store.insert("Account", account(id, "Binned"));

        recycle(id);

        assertTrue(store.records("Account").isEmpty());
        assertTrue(store.byId(id).isEmpty());
        assertEquals(List.of(true), store.allRows("Account").stream().map(record -> record.get("IsDeleted")).toList());
        assertEquals("Binned", store.inRecycleBin(id).orElseThrow().get("Name"));
        assertTrue(store.searchableRecords("Account").isEmpty());
        now.addAndGet(RecordStore.RECYCLE_BIN_RETENTION.toMillis());
        assertTrue(store.inRecycleBin(id).isPresent(), "still there on the fifteenth day");
        now.addAndGet(1_000);
        assertTrue(store.allRows("Account").isEmpty());
        assertTrue(store.inRecycleBin(id).isEmpty());
    }

    @Test
    void shouldTakeARecordBackOutOfTheRecycleBinWhenItsUnitFails() {
        String id = Ids.of("001", 1);
        store.insert("Account", account(id, "Restored"));

        assertThrows(SalesforceError.class, () -> store.inTransaction(() -> {
            recycle(id);
            throw SalesforceError.notFound("stop");
        }));

        assertEquals("Restored", store.byId(id).orElseThrow().get("Name"));
        assertTrue(store.inRecycleBin(id).isEmpty());
    }

    @Test
    void shouldHideNewRecordsFromSearchUntilTheLagHasPassed() {
        lag.set(5_000);
        store.insert("Contact", Map.of("Id", Ids.of("003", 1), "LastName", "Lagged"));

        assertTrue(store.searchableRecords("Contact").isEmpty());
        assertEquals(1, store.records("Contact").size());

        now.addAndGet(5_000);
        assertEquals(1, store.searchableRecords("Contact").size());
    }

    @Test
    void shouldKeepRecordsIndexedAllAtOnceSearchableWhateverTheLag() {
        lag.set(5_000);
        store.insert("Contact", Map.of("Id", Ids.of("003", 1), "LastName", "Seeded"));
        store.indexAll();
        store.insert("Contact", Map.of("Id", Ids.of("003", 2), "LastName", "Lagged"));

        assertEquals(List.of("Seeded"), store.searchableRecords("Contact").stream()
                .map(record -> record.get("LastName")).toList());
    }

    @Test
    void shouldFindRecordsByFifteenOrEighteenCharacterId() {
        String id = Ids.of("001", 7);
        store.insert("Account", account(id, "Seven"));

        assertEquals("Seven", store.byId(id.substring(0, 15)).orElseThrow().get("Name"));
        assertTrue(store.byId("junk").isEmpty());
    }
}
