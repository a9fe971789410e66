package io.switchboard.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST calls the mapping steps make, all sent through the connection's camel-salesforce component with its
 * {@code raw} operation: one endpoint per connection (no endpoint per query), JSON in and out. Logins go through
 * the connection's {@link LoginGate}: the first call logs in, a call refused with 401 renews the session and goes
 * again, and while Salesforce refuses the login, calls are refused with {@link LoginRefusedException} without a
 * request. Other refusals come back as {@link SalesforceApiException}; a refusal for the daily API allowance pauses
 * the connection (see {@link ApiPause}) and comes back as {@link ConnectionPausedException}.
 */
public final class SalesforceClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** camel-salesforce reads these per message; they are the only place that knows the header names. */
    private static final String RAW_PATH = "rawPath";
    private static final String RAW_METHOD = "rawMethod";
    /** Salesforce's answer header with the org's daily usage; camel-salesforce copies it onto the message. */
    private static final String LIMIT_INFO = "Sforce-Limit-Info";
    private static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";
    /** A 401 that a new session does not cure: Salesforce accepted the login but wants the password changed. */
    private static final String EXPIRED_PASSWORD = "INVALID_OPERATION_WITH_EXPIRED_PASSWORD";
    /** Sessions renewed for one call before its 401 is given up as transient, as camel-salesforce's re-login did. */
    private static final int RENEWALS_PER_CALL = 2;
    private static final Logger LOG = LoggerFactory.getLogger(SalesforceClient.class);

    private final ProducerTemplate template;
    private final Endpoint endpoint;
    private final String apiPath;
    private final ConnectionSettings connection;
    private final ConnectionStats stats;
    private final ApiPause pause;
    private final LoginGate login;
    private final ComponentSession session;

    public SalesforceClient(CamelContext camelContext, ConnectionSettings connection) {
        this(camelContext, connection, new ConnectionStats(),
                new ApiPause(connection.name(), ApiPauseSettings.DEFAULTS, Clock.systemUTC()),
                // made on its own, the client has no event store whose held events a login could release
                new LoginGate(connection.name(), LoginSettings.DEFAULTS.retryInterval(), Clock.systemUTC(), () -> { }));
    }

    SalesforceClient(CamelContext camelContext, ConnectionSettings connection, ConnectionStats stats, ApiPause pause,
                     LoginGate login) {
        this.connection = connection;
        this.stats = stats;
        this.pause = pause;
        this.login = login;
        this.session = new ComponentSession(camelContext, connection);
        this.template = camelContext.createProducerTemplate();
        this.endpoint = camelContext.getEndpoint(connection.componentName() + ":raw?rawPayload=true");
        this.apiPath = "/services/data/v" + connection.apiVersion();
    }

    public ConnectionSettings connection() {
        return connection;
    }

    public ConnectionStats stats() {
        return stats;
    }

    public ApiPause pause() {
        return pause;
    }

    /**
     * Lets an event start calling this connection: logs in first if there is no session yet, raises
     * {@link LoginRefusedException} while the login is refused and {@link ConnectionPausedException} while the
     * connection is paused for its API allowance; makes the due login retry or probe call.
     */
    public void admit() {
        // the login first: the pause's probe is itself a call
        login.admit(session, true);
        pause.admit(this::probeUsage);
    }

    /** Logs in as the engine starts and reports who the connection acts as, or why it cannot; never throws. */
    public void logInAtStart() {
        try {
            login.admit(session, true);
            String user = connection.username() == null ? "user " + session.userId()
                    : connection.username() + " (" + session.userId() + ")";
            LOG.info("Connection '{}' logged in as {} at {}", connection.name(), user, session.instanceUrl());
        } catch (LoginRefusedException e) {
            // the gate has logged the refusal with its diagnosis and the time of the next attempt
        } catch (SalesforceApiException e) {
            LOG.warn("Connection '{}' could not log in at start-up: {} The first event or API call tries again.",
                    connection.name(), e.getMessage());
        }
    }

    /** Makes the refused login's retry when it is due, so that the connection recovers without traffic. */
    public void retryLoginIfDue() {
        if (login.retryDue()) {
            try {
                login.admit(session, true);
            } catch (LoginRefusedException e) {
                // refused again: the gate has logged it with the time of the next attempt
            }
        }
    }

    private ApiPause.Usage probeUsage() {
        JsonNode daily = limits().path("DailyApiRequests");
        if (daily.hasNonNull("Max") && daily.hasNonNull("Remaining")) {
            long max = daily.get("Max").asLong();
            return new ApiPause.Usage(max - daily.get("Remaining").asLong(), max);
        }
        return new ApiPause.Usage(stats.apiUsed(), stats.apiMax());
    }

    /** The id of the user this connection logs in as, from the login's identity URL; logs in first if need be. */
    public String runningUserId() {
        login.admit(session, false);
        return session.userId();
    }

    public JsonNode query(String soql) {
        return send("GET", "/query?q=" + encode(soql), null);
    }

    /** Every record the query finds, following {@code nextRecordsUrl} over as many pages as Salesforce makes. */
    public List<JsonNode> queryRecords(String soql) {
        List<JsonNode> records = new ArrayList<>();
        JsonNode page = query(soql);
        page.path("records").forEach(records::add);
        while (!page.path("done").asBoolean(true) && page.hasNonNull("nextRecordsUrl")) {
            String next = page.path("nextRecordsUrl").asText();
            page = send("GET", next.startsWith(apiPath) ? next.substring(apiPath.length()) : next, null);
            page.path("records").forEach(records::add);
        }
        return records;
    }

    public JsonNode search(String sosl) {
        return send("GET", "/search?q=" + encode(sosl), null);
    }

    public JsonNode describe(String sobject) {
        return send("GET", "/sobjects/" + sobject + "/describe", null);
    }

    public JsonNode describeGlobal() {
        return send("GET", "/sobjects", null);
    }

    public JsonNode limits() {
        return send("GET", "/limits", null);
    }

    public JsonNode get(String sobject, String id, List<String> fields) {
        String query = fields.isEmpty() ? "" : "?fields=" + encode(String.join(",", fields));
        return send("GET", "/sobjects/" + sobject + "/" + encode(id) + query, null);
    }

    /** A record by any field Salesforce can look it up by (an external id or idLookup field). */
    public JsonNode getBy(String sobject, String field, String value, List<String> fields) {
        String query = fields.isEmpty() ? "" : "?fields=" + encode(String.join(",", fields));
        return send("GET", "/sobjects/" + sobject + "/" + field + "/" + encode(value) + query, null);
    }

    /** Creates a record and answers Salesforce's {@code {"id","success","errors"}}. */
    public JsonNode create(String sobject, JsonNode fields) {
        return send("POST", "/sobjects/" + sobject, fields);
    }

    public void update(String sobject, String id, JsonNode fields) {
        send("PATCH", "/sobjects/" + sobject + "/" + encode(id), fields);
    }

    /** Upserts by external id: the answer carries {@code created} (true when a record was inserted). */
    public JsonNode upsert(String sobject, String externalIdField, String value, JsonNode fields) {
        return send("PATCH", "/sobjects/" + sobject + "/" + externalIdField + "/" + encode(value), fields);
    }

    /** One {@code /composite} call: many writes, one API call, optionally all or none. */
    public JsonNode composite(JsonNode request) {
        return send("POST", "/composite", request);
    }

    /**
     * Sends one REST request below {@code /services/data/vNN.N}.
     *
     * @param path for example {@code /sobjects/Case/describe}; query strings must already be encoded
     * @return the answer's JSON, or a null node for empty answers (204)
     */
    public JsonNode send(String method, String path, JsonNode body) {
        String payload;
        try {
            payload = body == null ? null : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        for (int renewals = 0; ; renewals++) {
            login.admit(session, false);
            String token = session.token();
            Exchange answer = template.request(endpoint, exchange -> {
                exchange.getMessage().setHeader(RAW_PATH, apiPath + path);
                exchange.getMessage().setHeader(RAW_METHOD, method);
                exchange.getMessage().setBody(payload);
            });
            String limitInfo = answer.getMessage().getHeader(LIMIT_INFO, String.class);
            if (answer.getException() == null) {
                stats.record(ConnectionStats.Outcome.OK, System.nanoTime() - started, limitInfo, null);
                pause.observe(stats.apiUsed(), stats.apiMax());
                try {
                    return parse(answer.getMessage().getBody());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            SalesforceApiException failure = translate(answer.getException());
            // a 401 was not applied: with a new session the same request goes again
            if (failure.status() == 401 && !EXPIRED_PASSWORD.equals(failure.errorCode()) && renewals < RENEWALS_PER_CALL) {
                login.renew(session, token);
                continue;
            }
            stats.record(failure.transientFailure() ? ConnectionStats.Outcome.TRANSIENT : ConnectionStats.Outcome.REFUSED,
                    System.nanoTime() - started, limitInfo, failure);
            throw REQUEST_LIMIT_EXCEEDED.equals(failure.errorCode()) ? pause.refused(failure) : failure;
        }
    }

    private static JsonNode parse(Object answer) throws IOException {
        String text = answer instanceof InputStream stream
                ? new String(stream.readAllBytes(), StandardCharsets.UTF_8)
                : answer == null ? "" : answer.toString();
        return text.isBlank() ? NullNode.getInstance() : JSON.readTree(text);
    }

    private static SalesforceApiException translate(Exception e) {
        Throwable cause = e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof SalesforceException sfe) {
            List<RestError> errors = sfe.getErrors();
            if (errors != null && !errors.isEmpty()) {
                RestError first = errors.get(0);
                return new SalesforceApiException(sfe.getStatusCode(), first.getErrorCode(), first.getMessage(),
                        first.getFields(), sfe);
            }
            return fromResponseBody(sfe);
        }
        return new SalesforceApiException(0, "CONNECTION_FAILED", String.valueOf(cause.getMessage()), List.of(), cause);
    }

    /**
     * The raw operation leaves Salesforce's error array unparsed: in the response content, or as the
     * exception's message.
     */
    private static SalesforceApiException fromResponseBody(SalesforceException sfe) {
        int status = sfe.getStatusCode();
        try (InputStream content = sfe.getResponseContent()) {
            JsonNode body = content != null ? JSON.readTree(content)
                    : sfe.getMessage() != null && sfe.getMessage().startsWith("[") ? JSON.readTree(sfe.getMessage())
                    : NullNode.getInstance();
            JsonNode first = body.isArray() ? body.path(0) : body;
            if (first.hasNonNull("errorCode")) {
                List<String> fields = JSON.convertValue(first.path("fields"),
                        JSON.getTypeFactory().constructCollectionType(List.class, String.class));
                return new SalesforceApiException(status, first.get("errorCode").asText(),
                        first.path("message").asText(), fields, sfe);
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // fall through: report the status alone
        }
        return new SalesforceApiException(status, "HTTP_" + status, String.valueOf(sfe.getMessage()), List.of(), sfe);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
