package io.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.seed.SeededOrg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Talks to a running emulator over real HTTP the way a REST client does: logs in, then sends JSON. */
public final class EmulatorClient {
    public static final String VERSION = "60.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final SalesforceEmulator emulator;
    private String accessToken;

    /** An answer: status, parsed JSON body (null when empty or not JSON) and the raw response. */
    public record Answer(int status, JsonNode json, HttpResponse<String> response) {
        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** The errorCode of the first error in a Salesforce error array. */
        public String errorCode() {
            return json.get(0).get("errorCode").asText();
        }

        public String message() {
            return json.get(0).get("message").asText();
        }
    }

    public EmulatorClient(SalesforceEmulator emulator) {
        this.emulator = emulator;
    }

    public static String passwordWithToken() {
        return SeededOrg.PASSWORD + SeededOrg.SECURITY_TOKEN;
    }

    /** Logs in with the username-password flow as the integration user. */
    public EmulatorClient login() {
        Answer answer = token(Map.of("grant_type", "password", "client_id", SeededOrg.CLIENT_ID,
                "client_secret", SeededOrg.CLIENT_SECRET, "username", SeededOrg.USERNAME,
                "password", passwordWithToken()));
        if (answer.status() != 200) {
            throw new IllegalStateException("login failed: " + answer.response().body());
        }
        accessToken = answer.json().get("access_token").asText();
        return this;
    }

    public String accessToken() {
        return accessToken;
    }

    public Answer token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&")) + "&format=json";
        return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** GET a path under {@code /services/data/v60.0}. */
    public Answer get(String path) {
        return data("GET", path, null);
    }

    public Answer post(String path, String json) {
        return data("POST", path, json);
    }

    public Answer patch(String path, String json) {
        return data("PATCH", path, json);
    }

    public Answer delete(String path) {
        return data("DELETE", path, null);
    }

    public Answer data(String method, String path, String json) {
        return raw(method, "/services/data/v" + VERSION + path, json, "Bearer " + accessToken);
    }

    /** A request under {@code /services/data/v60.0} with a body of any content type, such as a CSV upload. */
    public Answer send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + "/services/data/v" + VERSION + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + accessToken);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A request with this session to a full path such as a {@code nextRecordsUrl}, with extra headers. */
    public Answer authorized(String method, String fullPath, String json, Map<String, String> headers) {
        HttpRequest.Builder request = builder(method, fullPath, json, "Bearer " + accessToken);
        headers.forEach(request::header);
        return send(request);
    }

    /** A query string parameter value, percent-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Any request against the emulator, with the given Authorization header (or none when null). */
    public Answer raw(String method, String fullPath, String json, String authorization) {
        return send(builder(method, fullPath, json, authorization));
    }

    private HttpRequest.Builder builder(String method, String fullPath, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + fullPath))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            boolean json = response.headers().firstValue("Content-Type").orElse("application/json").contains("json");
            return new Answer(response.statusCode(), body == null || body.isEmpty() || !json ? null
                    : JSON.readTree(body), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
