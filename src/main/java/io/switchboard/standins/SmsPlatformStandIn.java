package io.switchboard.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.config.Secret;
import io.switchboard.outbound.OutboundSignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the contact centre's SMS campaign endpoint on 127.0.0.1, for the demo: a third party's test
 * double, no part of the Salesforce emulator. It takes a batch only when its {@code X-Switchboard-Signature} is the
 * HMAC-SHA256 of the body with the shared secret (401 otherwise), takes each Idempotency-Key once, and then reports
 * back to the engine what happened to each message, as the platform would: {@code sent}, then {@code delivered},
 * and for the first recipient of each campaign a {@code replied} with a text.
 */
public final class SmsPlatformStandIn implements AutoCloseable {
    public static final String PATH = "/sms/campaigns";
    public static final String REPLY = "Yes please, call me tomorrow";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Secret secret;
    private final URI results;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService reporter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sms-platform-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final Set<String> repliedCampaigns = ConcurrentHashMap.newKeySet();
    private final AtomicInteger recipients = new AtomicInteger();
    private final AtomicInteger reported = new AtomicInteger();

    /**
     * @param engineUrl where the engine's API is, such as {@code http://127.0.0.1:8080}, for the results
     * @param token the engine's API token, which the results are posted with
     */
    public SmsPlatformStandIn(Secret secret, String engineUrl, String token) throws IOException {
        this.secret = secret;
        this.results = URI.create(engineUrl + "/events/sms-delivery");
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, this::batch);
        server.start();
    }

    /** As {@code SWITCHBOARD_SMS_CAMPAIGN_URL} gives it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The recipients taken so far, each batch counted once. */
    public int recipients() {
        return recipients.get();
    }

    /** The results the engine accepted so far. */
    public int reported() {
        return reported.get();
    }

    private void batch(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst(OutboundSignature.HEADER);
        String expected = OutboundSignature.of(secret, new String(body, StandardCharsets.UTF_8));
        if (signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            JsonAnswer.send(exchange, 401, "{\"error\":\"bad signature\"}");
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode batch = JSON.readTree(body);
        if (key == null || !keys.add(key)) {
            JsonAnswer.send(exchange, key == null ? 400 : 200, key == null ? "{\"error\":\"Idempotency-Key is required\"}"
                    : "{\"taken\":\"before\"}");
            return;
        }
        recipients.addAndGet(batch.path("recipients").size());
        JsonAnswer.send(exchange, 202, "{\"taken\":" + batch.path("recipients").size() + "}");
        reporter.execute(() -> report(batch));
    }

    private void report(JsonNode batch) {
        String campaignId = batch.path("campaignId").asText();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (JsonNode recipient : batch.path("recipients")) {
            result(campaignId, recipient, "sent", at, null);
            result(campaignId, recipient, "delivered", at.plusSeconds(2), null);
            if (repliedCampaigns.add(campaignId)) {
                result(campaignId, recipient, "replied", at.plusSeconds(60), REPLY);
            }
        }
    }

    private void result(String campaignId, JsonNode recipient, String status, Instant at, String text) {
        var event = JSON.createObjectNode().put("source", "cinnox").put("campaignId", campaignId)
                .put("salesforceId", recipient.path("salesforceId").asText())
                .put("phone", recipient.path("phone").asText()).put("status", status).put("at", at.toString());
        if (text != null) {
            event.put("text", text);
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(results)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 == 2) {
                reported.incrementAndGet();
            }
        } catch (IOException e) {
            // the engine is gone: the demo is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        reporter.shutdownNow();
        try {
            reporter.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
