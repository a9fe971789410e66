package io.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The demo's engine as a platform reaches it: over HTTP, with the API token. */
final class DemoApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    DemoApi(int port, String token) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.token = token;
    }

    HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The event once it is no longer pending nor processing, or as it stands after 30 s. */
    JsonNode awaitEnd(String eventId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode event;
        do {
            Thread.sleep(50);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/events/" + eventId))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            event = JSON.readTree(answer.body());
        } while (List.of("pending", "processing").contains(event.path("status").asText()) && System.nanoTime() < deadline);
        return event;
    }
}
