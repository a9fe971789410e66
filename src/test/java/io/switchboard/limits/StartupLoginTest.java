package io.switchboard.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.crash.EngineProcess;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.RunningEngine;
import io.switchboard.testing.CapturedLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine logs each connection in as it starts, says how it went, and starts whatever Salesforce answers. */
class StartupLoginTest {
    @TempDir
    Path home;

    @Test
    void shouldLogInAtStartUpAndSayAsWhomAndWhereWithoutAnyEvent() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
             CapturedLog log = CapturedLog.all();
             RunningEngine engine = RunningEngine.start(emulator, home, Map.of())) {
            String expected = "INFO Connection 'default' logged in as " + SeededOrg.USERNAME + " ("
                    + SeededOrg.INTEGRATION_USER_ID + ") at " + emulator.baseUrl().replace("127.0.0.1", "localhost");
            awaitLine(log, expected);
            assertEquals(1, LoginWatch.logins(emulator), "one login, before any event");

            String id = LimitEvents.post(engine, "call", LimitEvents.call("after-start-up", "Sales"));
            LoginWatch.awaitEvents(engine, List.of(id), LoginWatch::done, "done", Duration.ofSeconds(10));
            assertEquals(1, LoginWatch.logins(emulator), "events use the start-up login's session");
        }
    }

    @Test
    void shouldStartAndTakeEventsWithAWrongPasswordSayingWhyItCannotLogInAndWhenItTriesAgain() throws Exception {
        String wrongPassword = "not-the-password-93d0";
        RunningEngine.copyProject(home);
        Path output = home.resolve("engine.log");
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            EngineProcess engine = EngineProcess.start(home, home.resolve("data"), emulator, output,
                    Map.of("SF_PASSWORD", wrongPassword));
            try {
                String refusal = awaitOutput(output, "cannot log in");
                assertTrue(refusal.contains(" WARN "), refusal);
                assertTrue(refusal.contains("Connection 'default' cannot log in: Login for connection 'default' at "
                        + emulator.baseUrl() + " with the USERNAME_PASSWORD flow failed: Login error code:[invalid_grant]"),
                        refusal);
                assertTrue(refusal.contains("the next login attempt is at "), refusal);

                assertNotNull(engine.post("call", LimitEvents.call("while-refused", "Sales")), "intake takes events");
                JsonNode health = engine.get("/observe/health");
                assertEquals("DOWN", health.path("status").asText(), health.toString());
                assertTrue(health.path("checks").path("connections").path("default").path("loginRefused").asBoolean(),
                        health.toString());
                assertTrue(engine.alive(), "a refused login does not stop the engine");
                assertEquals(1, LoginWatch.logins(emulator));
            } finally {
                engine.stop();
            }
            assertFalse(Files.readString(output).contains(wrongPassword), "no password in the engine's output");
        }
    }

    @Test
    void shouldRunEventsHeldBeforeARestartAsSoonAsTheRestartedEngineLogsIn() throws Exception {
        Path dataDir = home.resolve("data");
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            List<String> ids = new ArrayList<>();
            try (RunningEngine refused = RunningEngine.start(emulator, dataDir, Map.of("SF_PASSWORD", "outdated-7b1e"))) {
                for (int i = 0; i < 3; i++) {
                    ids.add(LimitEvents.post(refused, "call", LimitEvents.call("restarted-" + i, "Sales")));
                }
                LoginWatch.awaitEvents(refused, ids, LoginWatch::heldByRefusedLogin, "held", Duration.ofSeconds(10));
            }
            Instant restarted = Instant.now();
            try (RunningEngine fixed = RunningEngine.start(emulator, dataDir, Map.of())) {
                List<JsonNode> done = LoginWatch.awaitEvents(fixed, ids, LoginWatch::done, "done", Duration.ofSeconds(15));
                done.forEach(event -> assertEquals(1, event.path("attempts").asInt(), event.toString()));
                Duration took = Duration.between(restarted, Instant.now());
                assertTrue(took.compareTo(Duration.ofMinutes(1)) < 0, "not kept to the old engine's next attempt: " + took);
                System.out.printf("restart with the password fixed: 3 held events done %d ms after the restart, not "
                        + "at the refused engine's next login attempt 5 minutes on%n", took.toMillis());
            }
        }
    }

    private static void awaitLine(CapturedLog log, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!log.lines(Level.INFO).contains(expected)) {
            assertTrue(Instant.now().isBefore(deadline), "no line '" + expected + "' in " + log.lines(Level.INFO));
            Thread.sleep(20);
        }
    }

    /** The first line of the engine's output with the words, once it has written one. */
    private static String awaitOutput(Path output, String words) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            for (String line : Files.readAllLines(output)) {
                if (line.contains(words)) {
                    return line;
                }
            }
            assertTrue(Instant.now().isBefore(deadline), "no line with '" + words + "' in:\n" + Files.readString(output));
            Thread.sleep(50);
        }
    }
}
