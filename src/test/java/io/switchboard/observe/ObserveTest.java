package io.switchboard.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.config.Configuration;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.Engine;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /observe/health and /observe/metrics over HTTP on a running engine, reflecting real calls and faults. */
class ObserveTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "observe-test-token";
    private static final String NODE = "observe-node";
    private static SalesforceEmulator emulator;
    private static Engine engine;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = Map.of("SWITCHBOARD_PORT", String.valueOf(port), "SWITCHBOARD_API_TOKEN", TOKEN,
                "SWITCHBOARD_DATA_DIR", Files.createTempDirectory("switchboard-observe").toString(),
                "SF_LOGIN_URL", emulator.baseUrl(), "SF_CLIENT_ID", SeededOrg.CLIENT_ID,
                "SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET, "SWITCHBOARD_NODE_ID", NODE);
        engine = Engine.start(Configuration.load(Path.of("config"), env::get));
    }

    @AfterAll
    static void stop() {
        engine.close();
        emulator.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int createAccount() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sobjects/Account"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"Observed\"}")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void shouldReportHealthPerCheckAndGoDownWhileSalesforceIsUnavailable() throws Exception {
        assertEquals(201, createAccount());
        HttpResponse<String> healthy = get("/observe/health");
        JsonNode up = JSON.readTree(healthy.body());
        assertEquals(200, healthy.statusCode(), healthy.body());
        assertEquals("UP", up.path("status").asText());
        assertEquals("UP", up.path("checks").path("store").path("status").asText());
        assertEquals("UP", up.path("checks").path("routes").path("status").asText());
        assertEquals("UP", up.path("checks").path("connections").path("default").path("status").asText());
        assertEquals(NODE, up.path("node").asText());
        assertEquals(NODE, up.path("nodes").path(0).path("id").asText(), up.toString());
        assertEquals(1, up.path("nodes").size(), "the one node on its embedded store: " + up);

        emulator.admin().addFault(FaultRule.times(FaultKind.SERVER_UNAVAILABLE, 1).on("POST", "/sobjects/Account"));
        assertEquals(503, createAccount());
        HttpResponse<String> unhealthy = get("/observe/health");
        JsonNode down = JSON.readTree(unhealthy.body());
        assertEquals(503, unhealthy.statusCode(), unhealthy.body());
        assertEquals("DOWN", down.path("checks").path("connections").path("default").path("status").asText());
        assertEquals("SERVER_UNAVAILABLE", down.path("checks").path("connections").path("default").path("errorCode").asText());

        assertEquals(201, createAccount());
        assertEquals(200, get("/observe/health").statusCode(), "one successful call ends the outage");
    }

    @Test
    void shouldExposeEventsCallsAndRemainingAllowanceAsPrometheusText() throws Exception {
        emulator.admin().apiLimit(5000, 1000);
        assertEquals(201, createAccount());

        HttpResponse<String> metrics = get("/observe/metrics");

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text.contains("switchboard_events{type=\"call\",status=\"pending\"} "), text);
        assertTrue(text.matches("(?s).*switchboard_salesforce_calls_total\\{connection=\"default\",outcome=\"ok\"} [1-9].*"), text);
        long remaining = 5000 - emulator.admin().apiUsed();
        assertTrue(text.contains("switchboard_salesforce_api_remaining{connection=\"default\"} " + remaining + "\n"), text);
        assertTrue(text.contains("switchboard_salesforce_api_max{connection=\"default\"} 5000\n"), text);
        assertTrue(text.contains("switchboard_nodes_alive 1\n"), text);
        assertFalse(text.contains(SeededOrg.CLIENT_SECRET) || text.contains(TOKEN), "no secret in metrics");
    }
}
