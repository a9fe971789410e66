package io.switchboard.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * The engine as its own operating-system process ({@code java -cp ... io.switchboard.cli.Switchboard}), run in a
 * project folder on a data folder against an emulator, so that a test can kill it as a crash would.
 */
public final class EngineProcess {
    static final String TOKEN = "crash-token-5e2a";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);
    private static final Random RANDOM = new Random();

    private final Process process;
    private final String baseUrl;

    private EngineProcess(Process process, int port) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Starts the engine in {@code home} (its config/ and routes/) and returns once it answers HTTP. */
    static EngineProcess start(Path home, Path dataDir, SalesforceEmulator emulator, Path log) throws Exception {
        return start(home, dataDir, emulator, log, Map.of());
    }

    /** As {@link #start(Path, Path, SalesforceEmulator, Path)}, with further environment variables that win. */
    public static EngineProcess start(Path home, Path dataDir, SalesforceEmulator emulator, Path log,
                                      Map<String, String> overrides) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.switchboard.cli.Switchboard")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("SF_LOGIN_URL", emulator.baseUrl());
        environment.put("SF_CLIENT_ID", SeededOrg.CLIENT_ID);
        environment.put("SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET);
        environment.put("SF_USERNAME", SeededOrg.USERNAME);
        environment.put("SF_PASSWORD", SeededOrg.PASSWORD);
        environment.put("SF_SECURITY_TOKEN", SeededOrg.SECURITY_TOKEN);
        environment.put("SWITCHBOARD_PORT", String.valueOf(port));
        environment.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        environment.put("SWITCHBOARD_API_TOKEN", TOKEN);
        // the restarted process re-queues what the killed one was processing because it has the same name
        environment.put("SWITCHBOARD_NODE_ID", "crash-node");
        environment.put("SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "100");
        environment.put("SWITCHBOARD_RETRY_MAX_DELAY_MS", "1000");
        environment.putAll(overrides);
        EngineProcess engine = new EngineProcess(builder.start(), port);
        try {
            engine.awaitAnswering();
        } catch (Exception e) {
            // a process that never answered would outlive the test that cannot stop what it was not given
            engine.kill();
            throw e;
        }
        return engine;
    }

    private void awaitAnswering() throws Exception {
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the engine process exited with " + process.exitValue());
            }
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/observe/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (ConnectException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the engine did not answer within " + START_PATIENCE);
    }

    /** SIGKILL: the process gets no chance to finish or re-queue anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as an operator's stop: the engine shuts down gracefully. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Posts an event: answers its id when accepted, or null when the engine did not accept it. */
    public String post(String type, JsonNode event) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/events/" + type))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())));
        return answer.statusCode() == 202 ? JSON.readTree(answer.body()).path("eventId").asText() : null;
    }

    /** POSTs JSON to an API path: answers the status and body. */
    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()).body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A free port below the range the system hands out to outgoing connections. A port from that range (what binding
     * port 0 answers) may be taken, before the engine binds it, by a connection of another process, or by this test's
     * own first probe of it connecting to itself, and the engine then runs without its HTTP server.
     */
    private static int freePort() throws IOException {
        for (int tries = 0; tries < 100; tries++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}
