package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.example;
import static io.switchboard.behaviours.EventRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps after a route's Salesforce endpoint run on the thread that ran the steps before it, the worker's, not
 * on the pool that reads the component's HTTP answers: a step there waiting for a look-up held a thread its own
 * answer needed, and under a cold start's load that pool waited on itself until no event moved.
 */
class StepsAfterSalesforceCallsTest {
    private static final String UPSERT_STEP = "        - to:\n            uri: salesforce:upsertSObject\n";
    private static final String BEFORE = """
                    - setProperty:
                        name: threadBeforeTheCall
                        simple: "${threadName}"
            """;
    private static final String AFTER = """
                    - filter:
                        simple: "${threadName} != ${exchangeProperty.threadBeforeTheCall}"
                        steps:
                          - throwException:
                              exceptionType: java.lang.IllegalStateException
                              message: "the route went on on ${threadName}, not ${exchangeProperty.threadBeforeTheCall}"
            """;
    private static final String REPORT_STEP = "        - process:\n            ref: reportUpsertedRecord\n";

    @TempDir
    Path home;

    @Test
    void shouldGoOnOnTheWorkersThreadAfterASalesforceStep() throws Exception {
        RunningEngine.copyProject(home);
        Path route = home.resolve("routes/case-acknowledged.camel.yaml");
        String shipped = Files.readString(route);
        assertTrue(shipped.contains(UPSERT_STEP) && shipped.contains(REPORT_STEP), shipped);
        Files.writeString(route, shipped.replace(UPSERT_STEP, BEFORE + UPSERT_STEP)
                .replace(REPORT_STEP, AFTER + REPORT_STEP));

        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
             RunningEngine engine = RunningEngine.startIn(emulator, home, Map.of())) {
            for (int i = 0; i < 3; i++) {
                JsonNode event = run(engine, "case-acknowledged",
                        example("case-acknowledged").put("caseId", "CX-THREAD-" + i));
                assertEquals("done", event.path("status").asText(), event.toString());
            }
        }
    }
}
