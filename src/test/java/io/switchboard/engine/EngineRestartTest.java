package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.config.EngineSettings;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.events.Call;
import io.switchboard.events.EventOutcome;
import io.switchboard.store.EventStatus;
import io.switchboard.store.EventStore;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepted events survive a restart on the same data folder, and events a crash left half processed run again. */
class EngineRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A poll interval far beyond the test: events can only be processed promptly because acceptance wakes the worker. */
    private static final Map<String, String> SETTINGS = Map.of("SWITCHBOARD_NODE_ID", "node-1",
            "SWITCHBOARD_WORKER_CONCURRENCY", "1", "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "600000");
    private static SalesforceEmulator emulator;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startEmulator() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    /** A route for calls that waits at the gate, then reports a Task named after the call. */
    private static RouteBuilder callRoute(CountDownLatch gate) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").routeId("test-call").process(exchange -> {
                    gate.await(10, TimeUnit.SECONDS);
                    Call call = exchange.getMessage().getBody(Call.class);
                    exchange.getProperty(EventOutcome.PROPERTY, EventOutcome.class).produced("Task", call.callId(), "created");
                });
            }
        };
    }

    private static String postCall(RunningEngine engine, String callId) throws Exception {
        ObjectNode call = (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/events/call-inbound-answered.json")));
        HttpResponse<String> response = engine.postEvent("call", call.put("callId", callId).toString());
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("eventId").asText();
    }

    @Test
    void shouldProcessAcceptedAndInterruptedEventsAfterARestart() throws Exception {
        CountDownLatch firstGate = new CountDownLatch(1);
        String inFlight;
        String waiting;
        String interrupted;
        try (RunningEngine first = RunningEngine.start(emulator, dataDir, SETTINGS, callRoute(firstGate))) {
            inFlight = postCall(first, "in-flight");
            Eventually.reaches(first.store(), inFlight, EventStatus.PROCESSING);
            waiting = postCall(first, "waiting");
            interrupted = postCall(first, "interrupted");
            // the one slot is busy: the stop lets the event in flight finish and leaves the others pending
            new Thread(() -> sleepThen(firstGate)).start();
        }
        simulateACrashWhileProcessing(interrupted);

        try (RunningEngine second = RunningEngine.start(emulator, dataDir, SETTINGS, callRoute(new CountDownLatch(0)))) {
            assertEquals(EventStatus.DONE, second.store().find(inFlight).orElseThrow().status());
            assertEquals("waiting", Eventually.reaches(second.store(), waiting, EventStatus.DONE).records().get(0).id());
            assertEquals("interrupted", Eventually.reaches(second.store(), interrupted, EventStatus.DONE).records().get(0).id());
            assertEquals(2, second.store().find(interrupted).orElseThrow().attempts(), "the interrupted attempt counts");
            String afterRestart = postCall(second, "after-restart");
            Eventually.reaches(second.store(), afterRestart, EventStatus.DONE);
        }
    }

    private static void sleepThen(CountDownLatch gate) {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gate.countDown();
    }

    /** Claims events as node-1 until the given one is processing, and leaves them so, as a process killed mid-route would. */
    private void simulateACrashWhileProcessing(String eventId) {
        try (EventStore store = EventStore.open(new EngineSettings(0, dataDir, null, null, true))) {
            while (store.find(eventId).orElseThrow().status() == EventStatus.PENDING) {
                store.claimDue(1, "node-1", Duration.ofMinutes(1));
            }
            assertEquals(EventStatus.PROCESSING, store.find(eventId).orElseThrow().status());
        }
    }
}
