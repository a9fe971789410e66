package io.switchboard.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.switchboard.emulator.admin.AdminApi;
import io.switchboard.emulator.admin.ApiAllowance;
import io.switchboard.emulator.admin.EndpointKey;
import io.switchboard.emulator.admin.FaultInjector;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.emulator.admin.Latency;
import io.switchboard.emulator.admin.RequestLog;
import io.switchboard.emulator.admin.RequestLogEntry;
import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.RawBody;
import io.switchboard.emulator.api.RecordSource;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.auth.OAuthError;
import io.switchboard.emulator.auth.OAuthService;
import io.switchboard.emulator.auth.Session;
import io.switchboard.emulator.auth.SessionRegistry;
import io.switchboard.emulator.bulk.IngestResource;
import io.switchboard.emulator.records.Timestamps;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: login, sessions, API versions, usage accounting, injected latency and faults, the request log,
 * and turning refusals into Salesforce's JSON error answers.
 */
final class HttpFrontDoor implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontDoor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATA_PATH = Pattern.compile("/services/data/([^/]+)(/.*)?");
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(?:Bearer|OAuth)\\s+(\\S+)");
    private static final String NO_RESOURCE = "The requested resource does not exist";

    private final Parts parts;
    private final String loginUrl;
    private final String instanceUrl;

    /** Everything the edge hands requests on to. */
    record Parts(AdminApi admin, OAuthService oauth, SessionRegistry sessions, OrgDispatcher dispatcher,
                 RecordSource records, ApiAllowance allowance, FaultInjector faults, Latency latency,
                 RequestLog requestLog) {
    }

    /** One answer on its way out, with what the request log needs to know about it. */
    private record Reply(int status, Object body, Map<String, String> headers, String user, String fault,
                         boolean drop) {
        static Reply of(int status, Object body) {
            return new Reply(status, body, Map.of(), null, null, false);
        }

        Reply by(Session session) {
            return new Reply(status, body, headers, session.username(), fault, drop);
        }

        Reply withFault(FaultRule rule) {
            return new Reply(status, body, headers, user, rule.kind().name(), drop);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all, user, fault, drop);
        }
    }

    HttpFrontDoor(Parts parts, String loginUrl, String instanceUrl) {
        this.parts = parts;
        this.loginUrl = loginUrl;
        this.instanceUrl = instanceUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getRawPath();
        try (exchange) {
            if (path.startsWith(AdminApi.PREFIX)) {
                ApiResponse answer = parts.admin().handle(exchange.getRequestMethod(),
                        path.substring(AdminApi.PREFIX.length()), query(exchange), adminBody(exchange));
                send(exchange, new Reply(answer.status(), answer.body(), answer.headers(), null, null, false));
                return;
            }
            Reply reply = client(exchange, path);
            log(exchange, path, reply, started);
            if (!reply.drop()) {
                send(exchange, reply);
            }
        } catch (RuntimeException | IOException e) {
            LOG.warn("Emulator failed to answer {} {}", exchange.getRequestMethod(), path, e);
            throw e;
        }
    }

    private Reply client(HttpExchange exchange, String path) throws IOException {
        try {
            parts.latency().pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return serverUnavailable();
        }
        if (path.equals("/services/oauth2/token")) {
            return token(exchange);
        }
        if (path.equals("/services/oauth2/revoke")) {
            Map<String, String> form = form(exchange);
            Optional.ofNullable(form.get("token")).ifPresent(parts.oauth()::revoke);
            return Reply.of(200, null);
        }
        if (path.equals("/services/data") || path.equals("/services/data/")) {
            return Reply.of(200, ApiVersions.list());
        }
        Matcher data = DATA_PATH.matcher(path);
        if (data.matches()) {
            return data(exchange, data.group(1), data.group(2) == null ? "/" : data.group(2))
                    .withHeader("Sforce-Limit-Info", parts.allowance().header());
        }
        if (path.startsWith("/id/")) {
            return identity(exchange);
        }
        return error(SalesforceError.notFound(NO_RESOURCE));
    }

    private Reply token(HttpExchange exchange) throws IOException {
        try {
            return Reply.of(200, parts.oauth().token(form(exchange), loginUrl, instanceUrl));
        } catch (OAuthError e) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", e.error());
            body.put("error_description", e.description());
            return Reply.of(400, body);
        }
    }

    private Reply data(HttpExchange exchange, String versionSegment, String rest) throws IOException {
        Optional<String> version = ApiVersions.parse(versionSegment);
        if (version.isEmpty()) {
            return error(SalesforceError.notFound(NO_RESOURCE));
        }
        Optional<Session> session = authenticate(exchange);
        if (session.isEmpty()) {
            return invalidSession();
        }
        Optional<FaultRule> fault = parts.faults().draw(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
        if (fault.isPresent() && fault.get().kind() != FaultKind.DROP_AFTER_WRITE) {
            return injected(fault.get(), session.get()).by(session.get());
        }
        if (!parts.allowance().tryConsume()) {
            return requestLimitExceeded().by(session.get());
        }
        Reply reply = answerData(exchange, version.get(), rest, session.get()).by(session.get());
        return fault.map(rule -> new Reply(0, null, Map.of(), reply.user(), rule.kind().name(), true)).orElse(reply);
    }

    private Reply answerData(HttpExchange exchange, String version, String rest, Session session) throws IOException {
        try {
            if (rest.equals("/")) {
                return Reply.of(200, resources(version));
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            boolean csvUpload = IngestResource.isUpload(method, rest);
            ApiRequest request = new ApiRequest(method, rest, query(exchange), headers(exchange),
                    csvUpload ? null : jsonBody(exchange), session.userId(),
                    csvUpload ? IngestResource.readUpload(exchange.getRequestBody(), contentLength(exchange)) : null);
            ApiResponse answer = parts.dispatcher().dispatch(request, version);
            return new Reply(answer.status(), answer.body(), answer.headers(), null, null, false);
        } catch (SalesforceError e) {
            return error(e);
        } catch (RuntimeException e) {
            LOG.error("Emulator failed on {} {}", exchange.getRequestMethod(), rest, e);
            return error(new SalesforceError(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include"
                    + " this ErrorId if you contact support: " + Integer.toHexString(e.hashCode())));
        }
    }

    private Reply identity(HttpExchange exchange) {
        Optional<Session> session = authenticate(exchange);
        if (session.isEmpty()) {
            return invalidSession();
        }
        Map<String, Object> user = parts.records().byId(session.get().userId()).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", loginUrl + exchange.getRequestURI().getRawPath());
        body.put("asserted_user", true);
        body.put("user_id", user.get("Id"));
        body.put("organization_id", exchange.getRequestURI().getRawPath().split("/")[2]);
        body.put("username", user.get("Username"));
        body.put("display_name", user.get("Name"));
        body.put("email", user.get("Email"));
        body.put("active", user.get("IsActive"));
        body.put("user_type", "STANDARD");
        body.put("urls", Map.of("rest", instanceUrl + "/services/data/v{version}/",
                "sobjects", instanceUrl + "/services/data/v{version}/sobjects/"));
        return Reply.of(200, body).by(session.get());
    }

    private Optional<Session> authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = AUTHORIZATION.matcher(header.trim());
        return matcher.matches() ? parts.sessions().find(matcher.group(1)) : Optional.empty();
    }

    private Reply injected(FaultRule fault, Session session) {
        Reply reply = switch (fault.kind()) {
            case SERVER_UNAVAILABLE -> serverUnavailable();
            case UNABLE_TO_LOCK_ROW -> error(new SalesforceError(fault.status() == 0 ? 400 : fault.status(),
                    "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record"));
            case SESSION_EXPIRED -> {
                parts.sessions().revoke(session.accessToken());
                yield invalidSession();
            }
            case REQUEST_LIMIT_EXCEEDED -> requestLimitExceeded();
            case STORAGE_LIMIT_EXCEEDED -> error(new SalesforceError(400, "STORAGE_LIMIT_EXCEEDED",
                    "storage limit exceeded"));
            case DROP_AFTER_WRITE -> throw new IllegalStateException("dropping happens after the write");
        };
        return reply.withFault(fault);
    }

    private static Reply serverUnavailable() {
        return error(new SalesforceError(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable"));
    }

    private static Reply invalidSession() {
        return error(new SalesforceError(401, "INVALID_SESSION_ID", "Session expired or invalid"));
    }

    private static Reply requestLimitExceeded() {
        return error(new SalesforceError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
    }

    private static Reply error(SalesforceError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.getMessage());
        body.put("errorCode", error.errorCode());
        if (error.listsFields() || !error.fields().isEmpty()) {
            body.put("fields", error.fields());
        }
        return Reply.of(error.status(), List.of(body));
    }

    private static Map<String, String> resources(String version) {
        String base = "/services/data/v" + version;
        Map<String, String> resources = new LinkedHashMap<>();
        for (String name : List.of("sobjects", "query", "queryAll", "search", "composite", "limits")) {
            resources.put(name, base + "/" + name);
        }
        return resources;
    }

    private JsonNode jsonBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at [line:" + e.getLocation().getLineNr() + ", column:" + e.getLocation().getColumnNr() + "]";
            throw new SalesforceError(400, "JSON_PARSER_ERROR", e.getOriginalMessage() + where);
        }
    }

    /** The declared body length, or -1 for a chunked body. */
    private static long contentLength(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static JsonNode adminBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        return bytes.length == 0 ? null : JSON.readTree(bytes);
    }

    /** The form fields of a token or revoke call, from the body and the query string alike. */
    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(exchange);
        form.putAll(decodePairs(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        return form;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return decodePairs(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> decodePairs(String encoded) {
        Map<String, String> pairs = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return pairs;
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        return headers;
    }

    private void log(HttpExchange exchange, String path, Reply reply, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        parts.requestLog().record(new RequestLogEntry(Timestamps.format(Instant.now()), exchange.getRequestMethod(),
                        path, exchange.getRequestHeaders().getFirst("Host"), reply.status(), millis, reply.user(),
                        reply.fault()),
                EndpointKey.of(exchange.getRequestMethod(), path));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] bytes;
        if (reply.body() instanceof RawBody raw) {
            bytes = raw.bytes();
            exchange.getResponseHeaders().set("Content-Type", raw.contentType());
        } else {
            bytes = reply.body() == null ? new byte[0] : JSON.writeValueAsBytes(reply.body());
            if (bytes.length > 0) {
                exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            }
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
