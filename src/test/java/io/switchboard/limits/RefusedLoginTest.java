package io.switchboard.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Configuration;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.RunningEngine;
import io.switchboard.salesforce.ConnectionCheck;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.SalesforceComponents;
import io.switchboard.testing.CapturedLog;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: with a wrong password, invalid_grant was taken for a transient failure, and 20 events made 142 failed
 * logins in 90 s, enough to lock a real org's integration user out, and stayed pending forever. This runs the same
 * 90 s at the default retry interval (5 minutes) and checks everything else while it waits.
 */
class RefusedLoginTest {
    private static final String WRONG_PASSWORD = "wrong-password-5c81";
    private static final Duration WINDOW = Duration.ofSeconds(90);

    @TempDir
    Path home;

    @Test
    void shouldTryOneLoginIn90SecondsWithAWrongPasswordAndHoldEveryEventWithoutSpendingAnAttempt() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("SF_PASSWORD", WRONG_PASSWORD,
                "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "50"));
        RunningEngine.copyProject(home);
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
             CapturedLog log = CapturedLog.all()) {
            Instant started = Instant.now();
            try (RunningEngine engine = RunningEngine.startIn(emulator, home, environment)) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    ids.add(LimitEvents.post(engine, "call", LimitEvents.call("refused-" + i, "Sales")));
                    ids.add(LimitEvents.post(engine, "conversation-closed", LimitEvents.conversation("refused-" + i)));
                }
                List<JsonNode> held = LoginWatch.awaitEvents(engine, ids, LoginWatch::heldByRefusedLogin,
                        "held by the refused login", Duration.ofSeconds(15));

                JsonNode connection = LoginWatch.connectionHealth(engine);
                String diagnosis = connection.path("diagnosis").asText();
                assertHealthShowsTheRefusal(engine, connection, emulator, started);
                for (JsonNode event : held) {
                    assertEquals(0, event.path("attempts").asInt(), "a held run is no attempt: " + event);
                    assertEquals(diagnosis, event.path("error").path("message").asText(), event.toString());
                    assertNoSecret(event.toString());
                }
                assertApiAnswersWithoutLoggingIn(engine, emulator, diagnosis);
                assertMetricsShowTheRefusal(engine);
                assertReloadsTryNoLogin(emulator, log);
                assertTheRefusalWasLoggedOnce(log, diagnosis);

                Thread.sleep(Math.max(0, Duration.between(Instant.now(), started.plus(WINDOW)).toMillis()));
                long logins = LoginWatch.logins(emulator);
                List<JsonNode> after = LoginWatch.awaitEvents(engine, ids, LoginWatch::heldByRefusedLogin,
                        "still held", Duration.ZERO);
                after.forEach(event -> assertEquals(0, event.path("attempts").asInt(), event.toString()));
                assertTrue(logins <= 2, "at most two logins in " + WINDOW + ", got " + logins);
                System.out.printf("refused login: %d login request(s) to %s in %d s; "
                                + "%d of %d events pending LOGIN_REFUSED with 0 attempts%n", logins,
                        LoginWatch.TOKEN_PATH, WINDOW.toSeconds(), after.size(), ids.size());

                assertEquals(diagnosis, checkConnectionProblem(emulator, environment),
                        "health says what check-connection says");
            }
            log.lines().forEach(RefusedLoginTest::assertNoSecret);
        }
    }

    private static void assertHealthShowsTheRefusal(RunningEngine engine, JsonNode connection,
                                                     SalesforceEmulator emulator, Instant started) throws Exception {
        HttpResponse<String> health = engine.get("/observe/health");
        assertEquals(503, health.statusCode(), health.body());
        assertNoSecret(health.body());
        assertEquals("DOWN", connection.path("status").asText(), connection.toString());
        assertTrue(connection.path("loginRefused").asBoolean(), connection.toString());
        String diagnosis = connection.path("diagnosis").asText();
        assertTrue(diagnosis.startsWith("Login for connection 'default' at " + emulator.baseUrl() + " with the "
                + "USERNAME_PASSWORD flow failed: Login error code:[invalid_grant] description:[authentication failure]."),
                diagnosis);
        assertTrue(diagnosis.contains("wrong password or an outdated security token"), diagnosis);
        Instant since = Instant.parse(connection.path("since").asText());
        Instant next = Instant.parse(connection.path("nextLoginAttempt").asText());
        assertTrue(!since.isBefore(started.minusSeconds(1)), connection.toString());
        assertEquals(Duration.ofMinutes(5), Duration.between(since, next), "one login per default interval");
    }

    private static void assertApiAnswersWithoutLoggingIn(RunningEngine engine, SalesforceEmulator emulator,
                                                          String diagnosis) throws Exception {
        long before = LoginWatch.logins(emulator);
        HttpResponse<String> describe = engine.get("/api/describe");
        assertEquals(503, describe.statusCode(), describe.body());
        JsonNode answer = LimitEvents.JSON.readTree(describe.body());
        assertEquals("LOGIN_REFUSED", answer.path("errorCode").asText(), describe.body());
        assertTrue(answer.path("message").asText().startsWith(diagnosis), describe.body());
        assertNoSecret(describe.body());
        assertEquals(before, LoginWatch.logins(emulator), "an API call on a refused connection sends no login");
    }

    private static void assertMetricsShowTheRefusal(RunningEngine engine) throws Exception {
        String metrics = engine.get("/observe/metrics").body();
        assertTrue(metrics.contains("switchboard_salesforce_login_refused{connection=\"default\"} 1"), metrics);
        assertTrue(metrics.contains("switchboard_salesforce_logins_total{connection=\"default\",outcome=\"refused\"} 1"),
                metrics);
    }

    /** An operator's edits of a mapping file and a route file take effect at once, but bring no login forward. */
    private void assertReloadsTryNoLogin(SalesforceEmulator emulator, CapturedLog log) throws Exception {
        long before = LoginWatch.logins(emulator);
        for (String file : List.of("config/call.yaml", "routes/call.camel.yaml")) {
            Path edited = home.resolve(file);
            Files.writeString(edited, Files.readString(edited) + "\n# edited while the login is refused\n");
        }
        awaitInfo(log, "Mapping files reloaded after");
        awaitInfo(log, "Route file routes/call.camel.yaml applied");
        assertEquals(before, LoginWatch.logins(emulator), "a reload sends no login");
    }

    private static void awaitInfo(CapturedLog log, String words) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (log.lines(Level.INFO).stream().noneMatch(line -> line.contains(words))) {
            assertTrue(Instant.now().isBefore(deadline), "no INFO line with '" + words + "'");
            Thread.sleep(50);
        }
    }

    private static void assertTheRefusalWasLoggedOnce(CapturedLog log, String diagnosis) {
        List<String> refusals = log.lines(Level.WARN).stream().filter(line -> line.contains("cannot log in")).toList();
        assertEquals(1, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).contains(diagnosis), refusals.get(0));
        assertTrue(refusals.get(0).contains("the next login attempt is at"), refusals.get(0));
    }

    /** The problem check-connection reports for the same settings, checked after the 90 s it must not add to. */
    private static String checkConnectionProblem(SalesforceEmulator emulator, Map<String, String> overrides)
            throws Exception {
        Map<String, String> environment = SeededOrg.connectionVariables(emulator.baseUrl());
        environment.putAll(overrides);
        ConnectionSettings settings = Connections.load(Configuration.load(Path.of("config"), environment::get))
                .get("default");
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addComponent(settings.componentName(), SalesforceComponents.create(settings));
            context.start();
            ConnectionCheck.Report report = new ConnectionCheck(context, settings).run();
            assertFalse(report.usable());
            assertTrue(report.lines().contains("problem         " + report.problems().get(0)), report.lines().toString());
            return report.problems().get(0);
        }
    }

    private static void assertNoSecret(String text) {
        for (String secret : List.of(WRONG_PASSWORD, SeededOrg.SECURITY_TOKEN, SeededOrg.CLIENT_SECRET)) {
            assertFalse(text.contains(secret), "a secret in: " + text);
        }
    }
}
