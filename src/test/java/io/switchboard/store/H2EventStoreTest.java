package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.events.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event store on its default database: an embedded H2 file under the data folder. */
class H2EventStoreTest extends EventStoreBehaviour {
    @TempDir
    Path dataDir;

    private int databases;

    /** The first database in the data folder itself, as the engine keeps it; any further one beside it. */
    @Override
    protected String freshJdbcUrl() {
        return StoreDatabase.embeddedUrl(databases++ == 0 ? dataDir : dataDir.resolve("db-" + databases));
    }

    @Test
    void shouldKeepEventsAndWatermarksInAFileAcrossReopening() {
        String id = store.accept(new NewEvent(EventType.CASE_ACKNOWLEDGED, "casexchange", IdempotencyKey.client("k"),
                "{}", "digest", List.of())).eventId();
        store.setWatermark("poll", "42");
        store.close();
        assertTrue(Files.exists(dataDir.resolve("switchboard.mv.db")));
        store = EventStore.open(StoreDatabase.embeddedUrl(dataDir));
        assertEquals(EventType.CASE_ACKNOWLEDGED, store.find(id).orElseThrow().type());
        assertEquals("42", store.watermark("poll").orElseThrow());
    }

    @Test
    void shouldKeepOnlyTheLiveDataInItsFileOnceClosed() throws Exception {
        // one commit each: every commit leaves its pages in the file, which H2 hardly reuses while it is open
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(store.accept(new NewEvent(EventType.CALL, "xcally", IdempotencyKey.client("grow-" + i),
                    "{\"callId\":\"grow-" + i + "\"}", "digest", List.of())).eventId());
        }
        for (ClaimedEvent claim : store.claimDue(300, "node-a", Duration.ofMinutes(1))) {
            assertTrue(store.markDone(claim, List.of(), List.of()));
        }
        Path file = dataDir.resolve("switchboard.mv.db");
        long open = Files.size(file);
        store.close();
        long closed = Files.size(file);
        assertTrue(closed * 4 < open, "open " + open + " bytes, closed " + closed);

        store = EventStore.open(StoreDatabase.embeddedUrl(dataDir));
        assertEquals(300, store.countsByStatus().get(EventStatus.DONE));
        assertEquals(EventStatus.DONE, store.find(ids.get(299)).orElseThrow().status());
    }

    @Test
    void shouldRefuseADatabaseUrlThatIsNotJdbcWithoutShowingItsPassword() {
        StoreException refused = assertThrows(StoreException.class, () -> EventStore.open("postgres://db/x?password=hunter2"));
        assertTrue(refused.getMessage().contains("must be a JDBC URL"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("hunter2"), refused.getMessage());
    }
}
