package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.config.Configuration;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a route file of a running engine takes effect without restart; a broken edit keeps the old version. */
class RouteReloadTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    private static String route(String answer) {
        return """
                - route:
                    id: greeting
                    from:
                      uri: platform-http:/greeting
                      steps:
                        - setBody:
                            constant: "%s"
                """.formatted(answer);
    }

    @Test
    void shouldServeAnEditedRouteAndKeepTheOldOneWhenAnEditIsBroken() throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Files.createDirectories(home.resolve("config"));
        try (var files = Files.list(Path.of("config"))) {
            for (Path file : files.toList()) {
                Files.copy(file, home.resolve("config").resolve(file.getFileName()));
            }
        }
        Path routeFile = home.resolve("routes/greeting.camel.yaml");
        Files.writeString(routeFile, route("hello v1"));
        int port = freePort();
        Map<String, String> env = Map.of("SWITCHBOARD_PORT", String.valueOf(port), "SWITCHBOARD_INSECURE", "true",
                "SWITCHBOARD_DATA_DIR", home.resolve("data").toString(),
                "SF_LOGIN_URL", "http://127.0.0.1:1", "SF_CLIENT_ID", "id", "SF_CLIENT_SECRET", "secret");

        try (Engine engine = Engine.start(Configuration.load(home.resolve("config"), env::get))) {
            assertEquals("hello v1", get(port));

            Files.writeString(routeFile, route("hello v2"));
            assertEquals("hello v2", awaitAnswer(port, "hello v2"));

            Files.writeString(routeFile, "- route:\n    id: greeting\n    from: [ broken\n");
            Thread.sleep(2_000);
            assertEquals("hello v2", get(port), "a broken edit must leave the previous route serving");
        }
    }

    private static String awaitAnswer(int port, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String answer = get(port);
        while (!expected.equals(answer) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = get(port);
        }
        return answer;
    }

    private static String get(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/greeting")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
