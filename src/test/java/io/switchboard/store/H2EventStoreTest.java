package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.events.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event store on its default database: an embedded H2 file under the data folder. */
class H2EventStoreTest extends EventStoreBehaviour {
    @TempDir
    Path dataDir;

    @Override
    protected String freshJdbcUrl() {
        return StoreDatabase.embeddedUrl(dataDir);
    }

    @Test
    void shouldKeepEventsAndWatermarksInAFileAcrossReopening() {
        String id = store.accept(new NewEvent(EventType.CASE_ACKNOWLEDGED, "casexchange", "k", "{}")).eventId();
        store.setWatermark("poll", "42");
        store.close();
        assertTrue(Files.exists(dataDir.resolve("switchboard.mv.db")));
        store = EventStore.open(freshJdbcUrl());
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
