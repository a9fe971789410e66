package io.switchboard.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import io.switchboard.testing.CapturedLog;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a connection comes back from a refused login, over HTTP against the emulator: held events run after the next
 * login Salesforce accepts, a refusal half way through an event holds it with its attempt counted, and a login host
 * that cannot be reached is a transient failure, not a refusal.
 */
class LoginRetryTest {
    private static final long RETRY_MS = 1500;

    @TempDir
    Path dataDir;

    @Test
    void shouldRunTheHeldEventsAfterTheNextLoginOnceTheBlockedFlowIsAllowedAgain() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
             CapturedLog log = CapturedLog.all()) {
            LoginWatch.blockPasswordFlow(emulator, true);
            Instant started = Instant.now();
            try (RunningEngine engine = RunningEngine.start(emulator, dataDir, Map.of(
                    "SWITCHBOARD_LOGIN_RETRY_MS", String.valueOf(RETRY_MS), "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "50"))) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ids.add(LimitEvents.post(engine, "call", LimitEvents.call("unblocked-" + i, "Sales")));
                    ids.add(LimitEvents.post(engine, "conversation-closed", LimitEvents.conversation("unblocked-" + i)));
                    ids.add(LimitEvents.post(engine, "case-acknowledged", LimitEvents.acknowledged("CX-UNBLOCKED-" + i)));
                }
                LoginWatch.awaitEvents(engine, ids, LoginWatch::heldByRefusedLogin, "held by the blocked flow",
                        Duration.ofSeconds(15)).forEach(event -> assertEquals(0, event.path("attempts").asInt()));
                assertTrue(LoginWatch.connectionHealth(engine).path("loginRefused").asBoolean());
                Thread.sleep(2 * RETRY_MS);

                LoginWatch.blockPasswordFlow(emulator, false);
                Instant unblocked = Instant.now();
                List<JsonNode> done = LoginWatch.awaitEvents(engine, ids, LoginWatch::done, "done",
                        Duration.ofSeconds(20));

                Duration elapsed = Duration.between(started, Instant.now());
                long logins = LoginWatch.logins(emulator);
                long allowed = 1 + elapsed.toMillis() / RETRY_MS + 1;
                assertTrue(logins <= allowed, logins + " logins in " + elapsed + ", at most " + allowed);
                done.forEach(event -> assertEquals(1, event.path("attempts").asInt(), "held runs are no attempts: " + event));
                for (int i = 0; i < 4; i++) {
                    assertEquals(1, LimitEvents.count(emulator.admin().records("Task"), "CallObject", "unblocked-" + i));
                    assertEquals(1, LimitEvents.count(emulator.admin().records("Case"), "Subject",
                            LimitEvents.caseSubject("unblocked-" + i)));
                }
                JsonNode connection = LoginWatch.connectionHealth(engine);
                assertEquals("UP", connection.path("status").asText(), connection.toString());
                assertFalse(connection.path("loginRefused").asBoolean(), connection.toString());
                assertTrue(engine.get("/observe/metrics").body()
                        .contains("switchboard_salesforce_login_refused{connection=\"default\"} 0"));
                List<String> recovered = log.lines(Level.INFO).stream()
                        .filter(line -> line.contains("Connection 'default' logged in again")).toList();
                assertEquals(1, recovered.size(), recovered.toString());
                System.out.printf("blocked flow: %d events held, all done %d ms after the flow was allowed again; "
                                + "%d logins in %d ms at one per %d ms (at most %d allowed)%n", ids.size(),
                        Duration.between(unblocked, Instant.now()).toMillis(), logins, elapsed.toMillis(), RETRY_MS,
                        allowed);
            }
        }
    }

    @Test
    void shouldHoldEventsWhoseSessionExpiredUnderARefusedLoginCountingTheAttemptWithOneLoginForAll() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
             RunningEngine engine = RunningEngine.start(emulator, dataDir, Map.of(
                     "SWITCHBOARD_LOGIN_RETRY_MS", String.valueOf(RETRY_MS), "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "50"))) {
            String warm = LimitEvents.post(engine, "call", LimitEvents.call("mid-event-warm", "Sales"));
            LoginWatch.awaitEvents(engine, List.of(warm), LoginWatch::done, "done", Duration.ofSeconds(10));
            emulator.admin().clearRequests();
            LoginWatch.blockPasswordFlow(emulator, true);
            LoginWatch.expireSessions(emulator);

            Instant blocked = Instant.now();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(LimitEvents.post(engine, "call", LimitEvents.call("mid-event-" + i, "Sales")));
            }
            List<JsonNode> held = LoginWatch.awaitEvents(engine, ids, LoginWatch::heldByRefusedLogin,
                    "held by the refused login", Duration.ofSeconds(10));
            Duration heldAfter = Duration.between(blocked, Instant.now());
            long logins = LoginWatch.logins(emulator);
            long refusedCalls = emulator.admin().requests().stream().filter(entry -> entry.status() == 401).count();

            assertTrue(logins <= 1 + heldAfter.toMillis() / RETRY_MS, logins + " logins in " + heldAfter);
            long counted = held.stream().filter(event -> event.path("attempts").asInt() == 1).count();
            assertTrue(counted >= 1, "the run refused mid-event counts as an attempt: " + held);
            held.forEach(event -> assertTrue(event.path("attempts").asInt() <= 1, event.toString()));
            assertTrue(LoginWatch.connectionHealth(engine).path("loginRefused").asBoolean());

            LoginWatch.blockPasswordFlow(emulator, false);
            List<JsonNode> done = LoginWatch.awaitEvents(engine, ids, LoginWatch::done, "done", Duration.ofSeconds(15));
            for (int i = 0; i < 8; i++) {
                assertEquals(1, LimitEvents.count(emulator.admin().records("Task"), "CallObject", "mid-event-" + i),
                        "written once, however often held");
            }
            System.out.printf("mid-event refusal: 8 calls on an expired session, %d answered 401, %d login(s) sent; "
                            + "%d held with the attempt counted, %d before their first call; all done after the flow "
                            + "was allowed, at most %d attempts%n", refusedCalls, logins, counted, held.size() - counted,
                    done.stream().mapToInt(event -> event.path("attempts").asInt()).max().orElse(0));
        }
    }

    @Test
    void shouldRetryEventsWithBackoffWhileTheLoginHostCannotBeReached() throws Exception {
        int port = freePort();
        String unreachable = "http://127.0.0.1:" + port;
        try (SalesforceEmulator elsewhere = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
             RunningEngine engine = RunningEngine.start(elsewhere, dataDir, Map.of("SF_LOGIN_URL", unreachable,
                     "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "100", "SWITCHBOARD_RETRY_MAX_DELAY_MS", "400",
                     "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "50"))) {
            String id = LimitEvents.post(engine, "call", LimitEvents.call("unreachable", "Sales"));

            JsonNode retried = LoginWatch.awaitEvents(engine, List.of(id), event -> event.path("attempts").asInt() >= 3
                    && "pending".equals(event.path("status").asText()), "waiting after three attempts",
                    Duration.ofSeconds(15)).get(0);

            assertEquals("LOGIN_FAILED", retried.path("error").path("code").asText(), retried.toString());
            assertTrue(retried.path("error").path("message").asText().contains("the host cannot be reached"),
                    retried.toString());
            JsonNode connection = LoginWatch.connectionHealth(engine);
            assertFalse(connection.path("loginRefused").asBoolean(), "no answer is no refusal: " + connection);
            String metrics = engine.get("/observe/metrics").body();
            assertTrue(metrics.contains("switchboard_salesforce_login_refused{connection=\"default\"} 0"), metrics);

            try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(port))) {
                JsonNode done = LoginWatch.awaitEvents(engine, List.of(id), LoginWatch::done, "done",
                        Duration.ofSeconds(15)).get(0);
                assertEquals(1, LimitEvents.count(emulator.admin().records("Task"), "CallObject", "unreachable"));
                System.out.printf("unreachable login host: retried with backoff (%d attempts, never LOGIN_REFUSED), "
                        + "done once the host answered%n", done.path("attempts").asInt());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
