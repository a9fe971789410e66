package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.example;
import static io.switchboard.behaviours.EventRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import io.switchboard.testing.CapturedLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call route is the behaviour: an operator's edit of routes/call.camel.yaml on a running engine, here a filter
 * with a {@code log} step that skips calls from one number, decides what the next call does, without a restart or
 * a line of Java.
 */
class EditedCallRouteTest {
    private static final String BLOCKED = "+393331234567";
    private static final String TRIGGER_STEP = "        - process:\n            ref: chooseCallTrigger\n";
    private static final String BLOCKING_STEP = """
                    - filter:
                        simple: "${exchangeProperty.switchboardEvent.customerNumber} == '%s'"
                        steps:
                          - log:
                              message: "call ${header.switchboardEventId} from a blocked number"
                              loggingLevel: WARN
                          - setProperty:
                              name: switchboardSkipped
                              constant: "the number is blocked"
                          - stop: {}
            """.formatted(BLOCKED);

    @TempDir
    Path home;

    @Test
    void shouldApplyAStepAnOperatorAddsToTheRunningCallRoute() throws Exception {
        RunningEngine.copyProject(home);
        Path route = home.resolve("routes/call.camel.yaml");
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
             RunningEngine engine = RunningEngine.startIn(emulator, home, Map.of());
             CapturedLog log = CapturedLog.all()) {
            JsonNode before = run(engine, "call", example("call-inbound-answered").put("callId", "before-edit"));
            assertEquals("done", before.path("status").asText(), before.toString());

            String shipped = Files.readString(route);
            assertTrue(shipped.contains(TRIGGER_STEP), "the shipped route begins with the trigger step");
            Files.writeString(route, shipped.replace(TRIGGER_STEP, BLOCKING_STEP + TRIGGER_STEP));

            // a reload takes a moment to be noticed: calls posted before it are written as before
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String callId;
            JsonNode after;
            int n = 0;
            do {
                Thread.sleep(300);
                callId = "after-edit-" + n++;
                after = run(engine, "call", example("call-inbound-answered").put("callId", callId));
            } while (!"skipped".equals(after.path("status").asText()) && System.nanoTime() < deadline);

            assertEquals("skipped", after.path("status").asText(), after.toString());
            assertEquals("the number is blocked", after.path("error").path("message").asText(), after.toString());
            String skippedId = callId;
            assertTrue(emulator.admin().records("Task").stream()
                    .noneMatch(task -> skippedId.equals(task.get("CallObject"))), "the skipped call wrote no Task");
            String logged = "call " + after.path("eventId").asText() + " from a blocked number";
            assertTrue(log.lines(Level.WARN).stream().anyMatch(line -> line.contains(logged)),
                    "the operator's log step logged: " + logged);
        }
    }
}
