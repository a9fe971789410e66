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

    private static Map<String, Object> intake(String id, String caseId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Id", id);
        fields.put("casexchange__CX_Case_Id__c", caseId);
        return fields;
    }

    private List<Object> intakesWithCaseId(String text) {
        List<Object> indexed = store.withText(StandardSchema.CX_INTAKE, "casexchange__CX_Case_Id__c", text).stream()
                .map(record -> record.get("Id")).toList();
        List<Object> read = store.records(StandardSchema.CX_INTAKE).stream()
                .filter(record -> record.get("casexchange__CX_Case_Id__c") != null
                        && record.get("casexchange__CX_Case_Id__c").toString().equalsIgnoreCase(text))
                .map(record -> record.get("Id")).toList();
        assertEquals(read, indexed, "the index answers what reading every record answers, for " + text);
        return indexed;
    }

    @Test
    void shouldFindAnExternalIdThroughItsIndexAsReadingEveryRecordWouldThroughChangesDeletesUndoAndReset() {
        String first = Ids.of("a0y", 1);
        String second = Ids.of("a0y", 2);
        store.insert(StandardSchema.CX_INTAKE, intake(first, "CX-Straße-1"));
        store.insert(StandardSchema.CX_INTAKE, intake(second, "cx-other"));
        assertEquals(List.of(first), intakesWithCaseId("CX-STRAßE-1"), "any case, as equalsIgnoreCase compares");
        assertEquals(List.of(second), intakesWithCaseId("CX-OTHER"));

        store.replace(second, intake(second, "CX-Straße-1"));
        assertEquals(List.of(first, second), intakesWithCaseId("cx-straße-1"), "both, in insertion order");
        assertEquals(List.of(), intakesWithCaseId("cx-other"), "its old value no longer finds it");

        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            store.replace(first, intake(first, "changed in a failed unit"));
            throw new IllegalStateException("the unit fails");
        }));
        assertEquals(List.of(first, second), intakesWithCaseId("cx-straße-1"), "the undone change left the index as it was");
        assertEquals(List.of(), intakesWithCaseId("changed in a failed unit"));

        recycle(first);
        assertEquals(List.of(second), intakesWithCaseId("CX-STRAßE-1"), "a deleted record is not live");

        store.clear();
        assertEquals(List.of(), intakesWithCaseId("cx-straße-1"));
        store.insert(StandardSchema.CX_INTAKE, intake(first, "CX-Straße-1"));
        assertEquals(List.of(first), intakesWithCaseId("cx-straße-1"), "indexed again after a reset");
    }

    @Test
    void shouldMakeEqualKeysForTextsThatEqualIgnoringCase() {
        // a title-case letter, a letter outside the Basic Multilingual Plane (Deseret), a final sigma
        for (String[] pair : new String[][] {{"ǅemal", "ǆEMAL"}, {"\uD801\uDC00x", "\uD801\uDC28X"}, {"Σίσυφος", "ΣΊΣΥΦΟΣ"}}) {
            assertTrue(pair[0].equalsIgnoreCase(pair[1]), pair[0] + " and " + pair[1] + " are equal ignoring case");
            assertEquals(TextIndex.key(pair[0]), TextIndex.key(pair[1]), pair[0] + " and " + pair[1]);
        }
        assertEquals(TextIndex.key("ABC"), TextIndex.key("abc"));
        assertTrue(!TextIndex.key("abc").equals(TextIndex.key("abd")));
    }
}
