package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.config.EngineSettings;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.store.EventStatus;
import io.switchboard.store.EventStore;
import io.switchboard.store.StoredEvent;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the engine with the real call route: events in flight finish within the shutdown timeout, the others
 * stay pending, and none is left processing, even when one outlasts the timeout.
 */
class GracefulShutdownTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TWO_AT_ONCE = Map.of("SWITCHBOARD_NODE_ID", "node-1",
            "SWITCHBOARD_WORKER_CONCURRENCY", "2");

    @TempDir
    Path dataDir;
    private SalesforceEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private static String postCall(RunningEngine engine, String callId) throws Exception {
        ObjectNode call = (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/events/call-inbound-answered.json")));
        HttpResponse<String> response = engine.postEvent("call", call.put("callId", callId).toString());
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("eventId").asText();
    }

    private List<StoredEvent> storedEvents() {
        try (EventStore store = EventStore.open(new EngineSettings(0, dataDir, null, null, true))) {
            return store.list(Optional.empty(), 100);
        }
    }

    @Test
    void shouldLetEventsInFlightFinishAndLeaveTheRestPending() throws Exception {
        List<String> ids = new ArrayList<>();
        try (RunningEngine engine = RunningEngine.start(emulator, dataDir, TWO_AT_ONCE)) {
            emulator.admin().latency(150);
            for (int i = 0; i < 8; i++) {
                ids.add(postCall(engine, "shutdown-" + i));
            }
            Eventually.reaches(engine.store(), ids.get(0), EventStatus.PROCESSING);
        }
        List<StoredEvent> events = storedEvents();
        long done = events.stream().filter(event -> event.status() == EventStatus.DONE).count();
        long pending = events.stream().filter(event -> event.status() == EventStatus.PENDING).count();
        System.out.printf("graceful shutdown: %d events, %d done in flight, %d left pending%n", events.size(), done, pending);
        assertEquals(8, done + pending, "nothing processing or failed: " + events);
        assertTrue(done >= 1 && pending >= 1, done + " done, " + pending + " pending");
        assertEquals(done, emulator.admin().records("Task").size(), "a Task for each event done, none for the others");
    }

    @Test
    void shouldPutAnEventThatOutlastsTheShutdownTimeoutBackToPending() throws Exception {
        Path configDir = RunningEngine.projectCopy();
        Path properties = configDir.resolve("application.properties");
        Files.writeString(properties, Files.readString(properties)
                .replace("camel.main.shutdown-timeout = 30", "camel.main.shutdown-timeout = 1"));
        String id;
        try (RunningEngine engine = RunningEngine.start(emulator, configDir, dataDir, TWO_AT_ONCE)) {
            emulator.admin().latency(3000);
            id = postCall(engine, "outlasting");
            Eventually.reaches(engine.store(), id, EventStatus.PROCESSING);
        }
        StoredEvent event = storedEvents().get(0);
        assertEquals(id, event.id());
        assertEquals(EventStatus.PENDING, event.status(), event.toString());
    }
}
