package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.example;
import static io.switchboard.behaviours.EventRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.EngineAgainstEmulator;
import io.switchboard.testing.CapturedLog;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator's broken edit of a route file on a running engine: refused with one line naming the file, the line and
 * the cause, while the version that ran keeps serving the next event and health stays honest.
 */
class RefusedRouteEditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration NOTICED = Duration.ofSeconds(20);

    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().onProjectCopy();
    private static Path callRoute;
    private static String shippedCallRoute;
    private static int calls;

    @BeforeAll
    static void readTheShippedCallRoute() throws Exception {
        callRoute = rig.home().resolve("routes/call.camel.yaml");
        shippedCallRoute = Files.readString(callRoute);
    }

    /** A refused edit left the shipped version running: saving it back is noticed as no change at all. */
    @BeforeEach
    void putBackTheShippedRoute() throws Exception {
        Files.writeString(callRoute, shippedCallRoute);
    }

    @Test
    void shouldKeepTheRunningCallRouteWhenAnEditNamesAnUnknownBean() throws Exception {
        assertTrue(shippedCallRoute.contains("ref: lookupCallAgent\n"));
        String line = refusal(callRoute, shippedCallRoute.replace("ref: lookupCallAgent\n", "ref: lookupCallAgnt\n"));

        int stepLine = lineOf(shippedCallRoute, "ref: lookupCallAgent") - 1; // the process: line above the ref
        assertTrue(line.contains("routes/call.camel.yaml"), line);
        assertTrue(line.contains("line " + stepLine + ": no bean named 'lookupCallAgnt' is bound (did you mean "
                + "'lookupCallAgent'?)"), line);
        assertCallsStillDone();
    }

    @Test
    void shouldKeepTheRunningRouteWhenAnEditGivesAnEndpointAnUnknownOption() throws Exception {
        Path referral = rig.home().resolve("routes/referral-status-changed.camel.yaml");
        String shipped = Files.readString(referral);
        String parameters = "            parameters:\n              rawPayload: true\n";
        assertTrue(shipped.contains("uri: salesforce:updateSObject\n" + parameters));
        try {
            String line = refusal(referral, shipped.replace(parameters, parameters + "              sObjectNmae: Case\n"));
            assertTrue(line.contains("routes/referral-status-changed.camel.yaml"), line);
            assertTrue(line.contains("sObjectNmae"), "the unknown option is named: " + line);
            assertTrue(rig.engine().engine().camelContext().getRouteController().getRouteStatus("referral-status-changed")
                    .isStarted(), "the referral route still runs");
        } finally {
            Files.writeString(referral, shipped);
        }
    }

    @Test
    void shouldKeepTheRunningCallRouteWhenAnEditIsNotYaml() throws Exception {
        String line = refusal(callRoute, shippedCallRoute.replace("    from:\n", "    from: [\n"));
        assertTrue(line.contains("routes/call.camel.yaml"), line);
        assertCallsStillDone();
    }

    @Test
    void shouldPutBackTheRunningCallRouteWhenTheEditedVersionFailsToStart() throws Exception {
        // passes every check, but a second route cannot consume direct:call beside the running one
        String secondConsumer = shippedCallRoute + """
                - route:
                    id: call-copy
                    from:
                      uri: direct:call
                      steps:
                        - log: "never"
                """;
        try (CapturedLog log = CapturedLog.all()) {
            Files.writeString(callRoute, secondConsumer);
            String line = awaitLine(log, Level.WARN, text -> text.contains("the version that ran was put back"));
            assertTrue(line.contains("routes/call.camel.yaml"), line);
        }
        assertEquals(null, rig.engine().engine().camelContext().getRoute("call-copy"), "the route that failed is gone");
        assertCallsStillDone();
    }

    @Test
    void shouldRefuseAnEditThatTakesTheIdOfAnotherFilesRoute() throws Exception {
        String takesOver = shippedCallRoute.replace("    id: call\n", "    id: case-acknowledged\n");
        String line = refusal(callRoute, takesOver);
        assertTrue(line.contains("route id 'case-acknowledged' is already the id of a route in"), line);
        assertTrue(line.contains("case-acknowledged.camel.yaml"), line);
        assertCallsStillDone();
    }

    @Test
    void shouldReportHealthDownWhileAnEventTypeHasNoRoute() throws Exception {
        assertEquals("UP", health().path("checks").path("routes").path("status").asText());
        var context = rig.engine().engine().camelContext();
        context.getRouteController().stopRoute("case-acknowledged");
        try {
            JsonNode routes = health().path("checks").path("routes");
            assertEquals("DOWN", routes.path("status").asText(), routes.toString());
            assertEquals("[\"case-acknowledged\"]", routes.path("noRouteForEvents").toString());
        } finally {
            context.getRouteController().startRoute("case-acknowledged");
        }
        assertEquals("UP", health().path("status").asText());
    }

    /** Saves the edit and returns the one WARN line that refused it, after checking it came without a stack trace. */
    private static String refusal(Path file, String edit) throws Exception {
        try (CapturedLog log = CapturedLog.all()) {
            Files.writeString(file, edit);
            String line = awaitLine(log, Level.WARN, text -> text.contains("not applied, the running version keeps serving"));
            assertFalse(log.lines().stream().anyMatch(text -> text.startsWith("WARN Route file") && text.contains("Exception:")),
                    "logged without a stack trace: " + log.lines());
            assertTrue(health().path("status").asText().equals("UP"), "health stays UP: the route still runs");
            return line;
        }
    }

    private static void assertCallsStillDone() throws Exception {
        JsonNode event = run(rig.engine(), "call", example("call-inbound-answered").put("callId", "still-served-" + calls++));
        assertEquals("done", event.path("status").asText(), event.toString());
    }

    private static JsonNode health() throws Exception {
        HttpResponse<String> response = rig.engine().get("/observe/health");
        return JSON.readTree(response.body());
    }

    private static String awaitLine(CapturedLog log, Level level, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + NOTICED.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> found = log.lines(level).stream().filter(wanted).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such " + level + " line within " + NOTICED + ": " + log.lines());
    }

    private static int lineOf(String text, String part) {
        return text.substring(0, text.indexOf(part)).split("\n", -1).length;
    }
}
