package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.events.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void shouldRefuseADatabaseUrlThatIsNotJdbcWithoutShowingItsPassword() {
        StoreException refused = assertThrows(StoreException.class, () -> EventStore.open("postgres://db/x?password=hunter2"));
        assertTrue(refused.getMessage().contains("must be a JDBC URL"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("hunter2"), refused.getMessage());
    }
}
