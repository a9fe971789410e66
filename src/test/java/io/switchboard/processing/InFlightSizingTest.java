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
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Salesforce answering in 150 ms, the engine as it ships runs more than its first 8 events at once, as the
 * answers call for, and never more than its configured ceiling; every call still becomes exactly one Task. Over real
 * HTTP: calls posted to the intake, the worker's limit read from {@code /observe/metrics} while they run.
 */
class InFlightSizingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LIMIT = Pattern.compile("(?m)^switchboard_worker_in_flight_limit (\\d+)$");
    private static final Pattern RUNNING = Pattern.compile("(?m)^switchboard_worker_in_flight (\\d+)$");

    @TempDir
    Path dataDir;
    private SalesforceEmulator emulator;
    private RunningEngine engine;

    @BeforeEach
    void startEmulator() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        emulator.close();
    }

    @Test
    void shouldRunMoreEventsAtOnceThanItsFirstEightWhenSalesforceAnswersSlowly() throws Exception {
        engine = RunningEngine.start(emulator, dataDir, Map.of());
        emulator.admin().latency(150);
        Seen seen = postCallsAndWatch(300);
        assertTrue(seen.limit() > InFlightLimit.FLOOR, "the limit stayed at " + seen.limit());
        assertTrue(seen.running() > InFlightLimit.FLOOR, "at most " + seen.running() + " events ran at once");
        assertTrue(seen.limit() <= 128 && seen.running() <= 128, "above the default ceiling of 128: " + seen);
    }

    @Test
    void shouldNeverRunMoreThanTheConfiguredCeiling() throws Exception {
        engine = RunningEngine.start(emulator, dataDir, Map.of("SWITCHBOARD_WORKER_CONCURRENCY", "4"));
        emulator.admin().latency(150);
        Seen seen = postCallsAndWatch(40);
        assertEquals(4, seen.limit(), "a ceiling below 8 is the limit throughout");
        assertTrue(seen.running() <= 4, "ran " + seen.running() + " at once");
    }

    /** The highest limit and the most events running seen on the metrics while the posted calls were worked. */
    private record Seen(int limit, int running) {
    }

    private Seen postCallsAndWatch(int calls) throws Exception {
        ObjectNode call = (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/events/call-inbound-answered.json")));
        String prefix = "sized-" + System.nanoTime() + "-";
        for (int i = 0; i < calls; i++) {
            call.put("callId", prefix + i);
            assertEquals(202, engine.postEvent("call", call.toString()).statusCode());
        }
        int limit = 0;
        int running = 0;
        Instant deadline = Instant.now().plusSeconds(90);
        while (engine.store().countsByStatus().getOrDefault(EventStatus.DONE, 0L) < calls) {
            if (Instant.now().isAfter(deadline)) {
                fail("not all " + calls + " calls were done: " + engine.store().countsByStatus());
            }
            String metrics = engine.get("/observe/metrics").body();
            limit = Math.max(limit, gauge(LIMIT, metrics));
            running = Math.max(running, gauge(RUNNING, metrics));
            Thread.sleep(50);
        }
        long tasks = emulator.admin().records("Task").stream()
                .filter(task -> String.valueOf(task.get("CallObject")).startsWith(prefix)).count();
        assertEquals(calls, tasks, "one Task per call");
        return new Seen(limit, running);
    }

    private static int gauge(Pattern pattern, String metrics) {
        Matcher matcher = pattern.matcher(metrics);
        assertTrue(matcher.find(), pattern + " not in the metrics");
        return Integer.parseInt(matcher.group(1));
    }
}
