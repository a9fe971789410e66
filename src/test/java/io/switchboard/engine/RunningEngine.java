package io.switchboard.engine;

import io.switchboard.config.Configuration;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.events.EventType;
import io.switchboard.store.EventStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.RoutesBuilder;

/**
 * An engine started as operators start it (config/ and routes/ of the project, settings from the environment)
 * against an emulator, on a free port with its own data folder, plus an HTTP client for its API.
 */
public final class RunningEngine implements AutoCloseable {
    public static final String TOKEN = "test-token-4b1d9c";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Engine engine;
    private final int port;
    private final String baseUrl;

    private RunningEngine(Engine engine, int port) {
        this.engine = engine;
        this.port = port;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /**
     * Starts an engine; {@code overrides} are further environment variables, e.g. SWITCHBOARD_MAX_BODY_BYTES, and
     * {@code testRoutes} stand in for the routes of event types under test: given any, the engine runs on a copy of
     * the project without the behaviour routes, so that only the test's routes consume {@code direct:<type>}.
     */
    public static RunningEngine start(SalesforceEmulator emulator, Path dataDir, Map<String, String> overrides,
                                      RoutesBuilder... testRoutes) throws Exception {
        Path configDir = Path.of("config");
        if (testRoutes.length > 0) {
            Path home = copyProject(dataDir.resolve("project"));
            for (EventType type : EventType.values()) {
                Files.deleteIfExists(home.resolve("routes").resolve(type.path() + ".camel.yaml"));
            }
            configDir = home.resolve("config");
        }
        return start(emulator, configDir, dataDir, overrides, testRoutes);
    }

    /** Starts an engine on a project copy made with {@link #copyProject} and edited by the test. */
    public static RunningEngine startIn(SalesforceEmulator emulator, Path home, Map<String, String> overrides)
            throws Exception {
        return start(emulator, home.resolve("config"), home.resolve("data"), overrides);
    }

    /** Copies the project's {@code config/} and {@code routes/} under {@code home}, for a test to edit. */
    public static Path copyProject(Path home) throws IOException {
        for (String folder : new String[] {"config", "routes"}) {
            Path source = Path.of(folder);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = home.resolve(folder).resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return home;
    }

    /** Starts an engine on another config folder; its routes are those in the {@code routes} folder beside it. */
    public static RunningEngine start(SalesforceEmulator emulator, Path configDir, Path dataDir,
                                      Map<String, String> overrides, RoutesBuilder... testRoutes) throws Exception {
        int port = freePort();
        Map<String, String> environment = SeededOrg.connectionVariables(emulator.baseUrl());
        environment.put("SWITCHBOARD_PORT", String.valueOf(port));
        environment.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        environment.put("SWITCHBOARD_API_TOKEN", TOKEN);
        environment.putAll(overrides);
        return new RunningEngine(Engine.start(Configuration.load(configDir, environment::get), testRoutes), port);
    }

    /**
     * A copy of the project's config/ and routes/ in a temporary folder, without the named route files, for tests
     * that change a setting or need an event type to have no route. Answers the copy's config folder.
     */
    public static Path projectCopy(String... routeFilesLeftOut) throws IOException {
        Path home = copyProject(Files.createTempDirectory("switchboard-project"));
        for (String routeFile : routeFilesLeftOut) {
            Files.deleteIfExists(home.resolve("routes").resolve(routeFile));
        }
        return home.resolve("config");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public Engine engine() {
        return engine;
    }

    /** The port the engine's HTTP server listens on at 127.0.0.1. */
    public int port() {
        return port;
    }

    public EventStore store() {
        return engine.store();
    }

    /** A request to the engine's API with the right token, to which tests add or change what they need. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + TOKEN);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postEvent(String type, String json) throws IOException, InterruptedException {
        return send(request("/events/" + type).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    @Override
    public void close() {
        engine.close();
    }
}
