package io.switchboard.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Case Xchange on 127.0.0.1, for tests and the demo: a third party's test double, no part of the
 * Salesforce emulator. It serves the
 * changes endpoint (answering what the test sets, recording each query string), OAuth client credentials at
 * {@code /api/v1/oauth/token}, and {@code POST /api/v1/referrals}, which answers {@code {cxId, referenceNumber}}: the
 * same answer again for an Idempotency-Key it has seen, 400 for a body without {@code salesforceRecordId}, 401 for
 * a token it did not issue or has expired, and 503 or a refusal when the test asks for one.
 */
public final class CaseXchangeStandIn implements AutoCloseable {
    public static final String CLIENT_ID = "cx-client";
    public static final String CLIENT_SECRET = "cx-client-secret-value";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One referral as Case Xchange received it. */
    public record Received(String idempotencyKey, String authorization, JsonNode body) {
    }

    private final HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<Received> referrals = new CopyOnWriteArrayList<>();
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger cxIds = new AtomicInteger(5000);
    private volatile int status = 200;
    private volatile String body = "[]";
    private volatile int refusalStatus;
    private volatile String refusal;

    public CaseXchangeStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/changes", this::answer);
        server.createContext("/api/v1/oauth/token", this::token);
        server.createContext("/api/v1/referrals", this::referral);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/changes";
    }

    /** The API's base, as {@code SWITCHBOARD_CASEXCHANGE_URL} gives it. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    public void answer(int answerStatus, String answerBody) {
        this.status = answerStatus;
        this.body = answerBody;
    }

    /** The next {@code times} referrals are answered 503. */
    public void unavailableFor(int times) {
        unavailable.set(times);
    }

    /** Every referral from now on is refused with this status and body, until {@link #acceptAgain()}. */
    public void refuse(int refuseStatus, String refuseBody) {
        this.refusal = refuseBody;
        this.refusalStatus = refuseStatus;
    }

    public void acceptAgain() {
        this.refusal = null;
    }

    /** Every token issued so far stops working, as when it expires. */
    public void expireTokens() {
        tokens.clear();
    }

    /** How many referrals Case Xchange made: one per Idempotency-Key, however often each was posted. */
    public int created() {
        return answered.size();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** The query string of every request so far, "" for none. */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    /** Every referral request so far that carried a valid token, in order, the refused and the retried included. */
    public List<Received> referrals() {
        return List.copyOf(referrals);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        queries.add(query == null ? "" : query);
        JsonAnswer.send(exchange, status, body);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !"client_credentials".equals(form.get("grant_type"))) {
            JsonAnswer.send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            JsonAnswer.send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = "cx-token-" + tokensIssued.incrementAndGet();
        tokens.add(token);
        JsonAnswer.send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private void referral(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !tokens.contains(authorization.substring("Bearer ".length()))) {
            JsonAnswer.send(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode request;
        try {
            request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
            JsonAnswer.send(exchange, 400, "{\"error\":\"the body is not JSON\"}");
            return;
        }
        referrals.add(new Received(key, authorization, request));
        if (unavailable.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            JsonAnswer.send(exchange, 503, "{\"error\":\"try again later\"}");
            return;
        }
        if (refusal != null) {
            JsonAnswer.send(exchange, refusalStatus, refusal);
            return;
        }
        if (key == null || key.isBlank() || !request.path("salesforceRecordId").isTextual()) {
            JsonAnswer.send(exchange, 400, "{\"error\":\"salesforceRecordId and an Idempotency-Key are required\"}");
            return;
        }
        String answer = answered.computeIfAbsent(key, unused -> {
            int number = cxIds.incrementAndGet();
            return "{\"cxId\":\"CX-" + number + "\",\"referenceNumber\":\"CXR-2026-" + number + "\"}";
        });
        JsonAnswer.send(exchange, 201, answer);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
