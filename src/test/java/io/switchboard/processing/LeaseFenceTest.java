package io.switchboard.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import io.switchboard.store.EventStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose claim another node took over while its route was waiting for Salesforce (as after a long pause) sends
 * no write for that event: the call's look-ups go out, its Task does not, and the attempt is abandoned to the new
 * holder, whose claim stays as it was.
 */
class LeaseFenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NODE = "fence-node";

    @TempDir
    Path dataDir;
    private SalesforceEmulator emulator;
    private RunningEngine engine;

    @BeforeEach
    void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        engine = RunningEngine.start(emulator, dataDir, Map.of("SWITCHBOARD_NODE_ID", NODE));
    }

    @AfterEach
    void stop() {
        engine.close();
        emulator.close();
    }

    @Test
    void shouldSendNoWriteForAnEventAnotherNodeTookOverMidRoute() throws Exception {
        emulator.admin().latency(600);
        ObjectNode call = (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/events/call-inbound-answered.json")));
        String callId = "fenced-" + System.nanoTime();
        call.put("callId", callId);
        String id = JSON.readTree(engine.postEvent("call", call.toString()).body()).path("eventId").asText();
        awaitStatus(id, EventStatus.PROCESSING);

        // what another node's take-over leaves in the store: its own claim on the event
        try (Connection connection = engine.store().dataSource().getConnection();
             PreparedStatement takeOver = connection.prepareStatement(
                     "UPDATE events SET claimed_by = 'other-node', claim_token = 'other-claim' WHERE id = ?")) {
            takeOver.setString(1, id);
            assertEquals(1, takeOver.executeUpdate());
        }

        String abandoned = "switchboard_node_attempts_total{node=\"" + NODE + "\",outcome=\"abandoned\"} 1";
        Instant deadline = Instant.now().plusSeconds(20);
        while (!engine.get("/observe/metrics").body().contains(abandoned)) {
            if (Instant.now().isAfter(deadline)) {
                fail("the attempt was not abandoned; the engine's threads:\n" + engineThreads()
                        + "\nmetrics:\n" + engine.get("/observe/metrics").body());
            }
            Thread.sleep(50);
        }
        assertTrue(emulator.admin().records("Task").stream().noneMatch(task -> callId.equals(task.get("CallObject"))),
                "no Task written by the node that lost the event");
        assertEquals(EventStatus.PROCESSING, engine.store().find(id).orElseThrow().status(),
                "the event is the new holder's to finish");
    }

    /** Where the engine's own threads are, for a failure that shows an attempt that never ended. */
    private static String engineThreads() {
        StringBuilder threads = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("switchboard-")) {
                threads.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    threads.append("    at ").append(frame).append('\n');
                }
            }
        });
        return threads.toString();
    }

    private void awaitStatus(String id, EventStatus status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (engine.store().find(id).orElseThrow().status() != status) {
            if (Instant.now().isAfter(deadline)) {
                fail("event " + id + " never became " + status);
            }
            Thread.sleep(10);
        }
    }
}
