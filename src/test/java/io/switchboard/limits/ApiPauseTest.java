package io.switchboard.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pause at the default share (95%) of the daily API allowance: events wait before the org refuses anything,
 * without counting attempts, the pause shows in health and metrics, and one probe per interval ends it.
 */
class ApiPauseTest {
    private static final long ALLOWANCE = 1000;

    @TempDir
    Path dataDir;
    private SalesforceEmulator emulator;
    private RunningEngine engine;

    @BeforeEach
    void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        engine = RunningEngine.start(emulator, dataDir, Map.of("SWITCHBOARD_API_PAUSE_PROBE_MS", "400",
                "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "50", "SWITCHBOARD_WORKER_CONCURRENCY", "1"));
    }

    @AfterEach
    void stop() {
        engine.close();
        emulator.close();
    }

    @Test
    void shouldHoldEventsAboveTheShareWithoutSpendingTheRestOrCountingAttemptsAndResumeOnceUsageAllows() throws Exception {
        emulator.admin().apiLimit(ALLOWANCE, 940);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(LimitEvents.post(engine, "call", LimitEvents.call("share-" + i, "Sales")));
        }
        JsonNode held = awaitHeld(ids.get(ids.size() - 1));

        assertEquals("API_PAUSED", held.path("error").path("code").asText(), held.toString());
        assertEquals(0, held.path("attempts").asInt(), "a held run is no attempt: " + held);
        assertTrue(emulator.admin().apiUsed() < ALLOWANCE, "the share leaves room: " + emulator.admin().apiUsed());
        assertEquals(0, emulator.admin().requests().stream().filter(entry -> entry.status() == 403).count());
        JsonNode connection = LimitEvents.JSON.readTree(engine.get("/observe/health").body())
                .path("checks").path("connections").path("default");
        assertTrue(connection.path("paused").asBoolean(), connection.toString());
        assertTrue(connection.path("pauseReason").asText().contains("above 95% of the allowance"), connection.toString());
        String metrics = engine.get("/observe/metrics").body();
        assertTrue(metrics.contains("switchboard_salesforce_paused{connection=\"default\"} 1"), metrics);
        assertTrue(metrics.contains("switchboard_salesforce_pauses_total{connection=\"default\"} 1"), metrics);
        Thread.sleep(1000);
        long probes = probes();
        assertTrue(probes >= 1 && probes <= 3, "one probe per interval while paused, got " + probes);

        emulator.admin().apiLimit(100_000, emulator.admin().apiUsed());
        for (String id : ids) {
            JsonNode done = awaitStatus(id, "done");
            assertEquals(1, done.path("attempts").asInt(), done.toString());
        }
        assertFalse(LimitEvents.JSON.readTree(engine.get("/observe/health").body())
                .path("checks").path("connections").path("default").path("paused").asBoolean());
        System.out.printf("api pause: 12 events held above 95%% of the allowance, none refused; %d of %d calls used at the end; %d probes; all done with one attempt each%n",
                emulator.admin().apiUsed(), ALLOWANCE, probes());
    }

    private long probes() {
        return emulator.admin().requests().stream().filter(entry -> entry.path().endsWith("/limits")).count();
    }

    private JsonNode awaitHeld(String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode event = null;
        while (Instant.now().isBefore(deadline)) {
            event = LimitEvents.status(engine, id);
            if ("pending".equals(event.path("status").asText()) && event.path("error").has("code")) {
                return event;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("event was not held by the pause; last seen " + event);
    }

    private JsonNode awaitStatus(String id, String status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode event = null;
        while (Instant.now().isBefore(deadline)) {
            event = LimitEvents.status(engine, id);
            if (status.equals(event.path("status").asText())) {
                return event;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("event did not reach " + status + "; last seen " + event);
    }
}
