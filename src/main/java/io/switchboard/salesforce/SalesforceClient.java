package io.switchboard.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.switchboard.events.ClaimLostException;
import io.switchboard.events.EventHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The look-ups and writes that Java steps make (queries, searches, describes, the composite requests they build),
 * sent through the connection's camel-salesforce component with its {@code raw} operation: one endpoint per
 * connection (no endpoint per query), JSON in and out. Like every Salesforce endpoint it is watched by
 * {@link SalesforceCallGuard}: logins through the connection's {@link LoginGate}, a 401 renewed and sent again,
 * usage and pauses recorded. Refusals come back as {@link SalesforceApiException}; one for the daily API allowance
 * as {@link ConnectionPausedException}, one of the login as {@link LoginRefusedException}.
 */
public final class SalesforceClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** camel-salesforce reads these per message; they are the only place that knows the header names. */
    private static final String RAW_PATH = "rawPath";
    private static final String RAW_METHOD = "rawMethod";
    /** Sessions renewed for one call before its 401 is given up as transient, as camel-salesforce's re-login did. */
    private static final int RENEWALS_PER_CALL = 2;

    private final ProducerTemplate template;
    private final Endpoint endpoint;
    private final String apiPath;
    private final SalesforceConnection connection;

    public SalesforceClient(CamelContext camelContext, ConnectionSettings connection) {
        this(camelContext, new SalesforceConnection(camelContext, connection, new ConnectionStats(),
                new ApiPause(connection.name(), ApiPauseSettings.DEFAULTS, Clock.systemUTC()),
                // made on its own, the client has no event store whose held events a login could release
                new LoginGate(connection.name(), LoginSettings.DEFAULTS.retryInterval(), Clock.systemUTC(), () -> { })));
    }

    SalesforceClient(CamelContext camelContext, SalesforceConnection connection) {
        this.connection = connection;
        this.template = camelContext.createProducerTemplate();
        this.endpoint = camelContext.getEndpoint(connection.settings().componentName() + ":raw?rawPayload=true");
        this.apiPath = "/services/data/v" + connection.settings().apiVersion();
    }

    public ConnectionSettings connection() {
        return connection.settings();
    }

    SalesforceConnection salesforceConnection() {
        return connection;
    }

    public ConnectionStats stats() {
        return connection.stats();
    }

    public ApiPause pause() {
        return connection.pause();
    }

    /**
     * Lets an event start calling this connection: logs in first if there is no session yet, raises
     * {@link LoginRefusedException} while the login is refused and {@link ConnectionPausedException} while the
     * connection is paused for its API allowance; makes the due login retry or probe call.
     */
    public void admit() {
        connection.admitEvent(this::probeUsage);
    }

    /** Logs in as the engine starts and reports who the connection acts as, or why it cannot; never throws. */
    public void logInAtStart() {
        connection.logInAtStart();
    }

    /** Makes the refused login's retry when it is due, so that the connection recovers without traffic. */
    public void retryLoginIfDue() {
        connection.retryLoginIfDue();
    }

    private ApiPause.Usage probeUsage() {
        JsonNode daily = limits().path("DailyApiRequests");
        if (daily.hasNonNull("Max") && daily.hasNonNull("Remaining")) {
            long max = daily.get("Max").asLong();
            return new ApiPause.Usage(max - daily.get("Remaining").asLong(), max);
        }
        return new ApiPause.Usage(stats().apiUsed(), stats().apiMax());
    }

    /** The id of the user this connection logs in as, from the login's identity URL; logs in first if need be. */
    public String runningUserId() {
        return connection.runningUserId();
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
            page = queryMore(page.path("nextRecordsUrl").asText());
            page.path("records").forEach(records::add);
        }
        return records;
    }

    /** The page a query's {@code nextRecordsUrl} points at, for a reader that goes one page at a time. */
    public JsonNode queryMore(String nextRecordsUrl) {
        return send("GET", nextRecordsUrl.startsWith(apiPath) ? nextRecordsUrl.substring(apiPath.length())
                : nextRecordsUrl, null);
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
     * Sends one REST request below {@code /services/data/vNN.N} through the connection's {@code raw} endpoint, which
     * {@link SalesforceCallGuard} watches like every other Salesforce endpoint.
     *
     * @param path for example {@code /sobjects/Case/describe}; query strings must already be encoded
     * @return the answer's JSON, or a null node for empty answers (204)
     * @throws SalesforceApiException with Salesforce's status, errorCode and message
     */
    public JsonNode send(String method, String path, JsonNode body) {
        return send(null, method, path, body);
    }

    /**
     * As {@link #send(String, String, JsonNode)}, as a call of the event {@code event}'s route: the request carries
     * the event's id and claim, so that {@link SalesforceCallGuard} admits it and fences a write as it does the
     * route's own calls (a node that lost the event sends nothing, {@link ClaimLostException}). For the writes a Java
     * step makes itself.
     */
    public JsonNode sendFor(Exchange event, String method, String path, JsonNode body) {
        return send(event, method, path, body);
    }

    private JsonNode send(Exchange event, String method, String path, JsonNode body) {
        String payload;
        try {
            payload = body == null ? null : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Exchange answer;
        for (int renewals = 0; ; renewals++) {
            answer = template.request(endpoint, exchange -> {
                if (event != null) {
                    actAs(event, exchange);
                }
                exchange.getMessage().setHeader(RAW_PATH, apiPath + path);
                exchange.getMessage().setHeader(RAW_METHOD, method);
                exchange.getMessage().setBody(payload);
            });
            if (answer.getException() == null) {
                break;
            }
            ClaimLostException lost = claimLost(answer.getException());
            if (lost != null) {
                throw lost;
            }
            SalesforceApiException failure = SalesforceErrors.translate(answer.getException());
            // not applied: the next send renews the session first, as camel-salesforce's own re-login would
            if (!failure.sessionExpired() || renewals == RENEWALS_PER_CALL) {
                throw failure;
            }
        }
        try {
            return parse(answer.getMessage().getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the guard reads of an event's call: its id, the claim it runs under, the connections that admitted it. */
    private static void actAs(Exchange event, Exchange request) {
        request.getMessage().setHeader(EventHeaders.EVENT_ID, event.getMessage().getHeader(EventHeaders.EVENT_ID));
        request.setProperty(EventHeaders.CLAIM, event.getProperty(EventHeaders.CLAIM));
        request.setProperty(SalesforceCallGuard.ADMITTED, event.getProperty(SalesforceCallGuard.ADMITTED));
    }

    private static ClaimLostException claimLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClaimLostException lost) {
                return lost;
            }
        }
        return null;
    }

    private static JsonNode parse(Object answer) throws IOException {
        String text = answer instanceof InputStream stream
                ? new String(stream.readAllBytes(), StandardCharsets.UTF_8)
                : answer == null ? "" : answer.toString();
        return text.isBlank() ? NullNode.getInstance() : JSON.readTree(text);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
