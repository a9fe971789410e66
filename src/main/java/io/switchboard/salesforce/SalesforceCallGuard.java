package io.switchboard.salesforce;

import io.switchboard.events.EventHeaders;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.SalesforceEndpoint;
import org.apache.camel.spi.EndpointStrategy;
import org.apache.camel.spi.InterceptSendToEndpoint;

/**
 * The one place every call to Salesforce passes through, whoever makes it: a {@code to:} step of a route file, or a
 * Java step's look-up through {@link SalesforceClient}. Installed once as an endpoint strategy, it wraps every
 * endpoint of a connection's camel-salesforce component when Camel creates it, as an {@code interceptSendToEndpoint}
 * would, so that no step has to remember it; each call ends on the thread that made it ({@link CallerThreadEndpoint}):
 * <ul>
 *   <li>before the call: an event's first call to an org is admitted by it (held while its login is refused or its
 *       API allowance is spent, before any call, so it costs no attempt); each write of an event first asks the
 *       {@link WriteFence} whether this node still holds the event (a node whose lease another node took over sends
 *       nothing more); and every call gets a session, logged in once by whoever came first;</li>
 *   <li>after the call: the org's usage from {@code Sforce-Limit-Info} and the call's outcome go to its statistics
 *       and pause; any failure reaches the caller as a {@link SalesforceApiException} with Salesforce's own status,
 *       errorCode and message. A call refused with 401 was not applied: its session is marked refused, the next call
 *       renews it (one login for every call refused with it), and the caller sends it again, a route step by the
 *       immediate redelivery of {@code routes/salesforce-errors.camel.yaml}, a Java step's look-up by
 *       {@link SalesforceClient}.</li>
 * </ul>
 */
public final class SalesforceCallGuard implements EndpointStrategy {
    /** Exchange property: the connections that have admitted this event. */
    static final String ADMITTED = "switchboardAdmittedConnections";
    /** Salesforce's answer header with the org's daily usage; camel-salesforce copies it onto the message. */
    private static final String LIMIT_INFO = "Sforce-Limit-Info";
    private static final String CALL = "switchboardSalesforceCall";

    private final CamelContext context;
    private final SalesforceClients clients;
    private final WriteFence fence;
    private final Map<String, String> connectionByComponent = new ConcurrentHashMap<>();

    private SalesforceCallGuard(CamelContext context, SalesforceClients clients, WriteFence fence) {
        this.context = context;
        this.clients = clients;
        this.fence = fence;
        clients.settings().values().forEach(settings -> connectionByComponent.put(settings.componentName(), settings.name()));
    }

    /** Installs the guard; before the routes start, so that their endpoints are wrapped as Camel creates them. */
    public static void install(CamelContext context, SalesforceClients clients) {
        install(context, clients, WriteFence.NONE);
    }

    /** As {@link #install(CamelContext, SalesforceClients)}, with each write of an event asking the fence first. */
    public static void install(CamelContext context, SalesforceClients clients, WriteFence fence) {
        context.getCamelContextExtension().registerEndpointCallback(new SalesforceCallGuard(context, clients, fence));
    }

    @Override
    public Endpoint registerEndpoint(String uri, Endpoint endpoint) {
        if (endpoint instanceof InterceptSendToEndpoint || !(endpoint instanceof SalesforceEndpoint)) {
            return endpoint;
        }
        String scheme = uri.substring(0, Math.max(0, uri.indexOf(':')));
        String name = connectionByComponent.get(scheme);
        if (name == null) {
            return endpoint;
        }
        CallerThreadEndpoint guarded = new CallerThreadEndpoint(endpoint, clients.calls());
        SalesforceEndpoint salesforce = (SalesforceEndpoint) endpoint;
        guarded.setBefore(exchange -> before(exchange, name, salesforce));
        guarded.setAfter(exchange -> after(exchange, name));
        return guarded;
    }

    /** What one call had before it went: the session it used, when it started, and its request. */
    private record Call(String token, long startedNanos, Object request) {
    }

    private void before(Exchange exchange, String name, SalesforceEndpoint endpoint) {
        SalesforceClient client = clients.forConnection(context, name);
        if (exchange.getMessage().getHeader(EventHeaders.EVENT_ID) != null) {
            admit(exchange, client);
            if (SalesforceWrites.writes(endpoint, exchange)) {
                fence.beforeWrite(exchange);
            }
        }
        exchange.setProperty(CALL, new Call(client.salesforceConnection().sessionForCall(), System.nanoTime(),
                exchange.getMessage().getBody()));
        clients.calls().startedFor(exchange);
    }

    /** An event's first call to a connection asks it to admit the event; later calls of the event go straight on. */
    public static void admit(Exchange exchange, SalesforceClient client) {
        @SuppressWarnings("unchecked")
        Set<String> admitted = exchange.getProperty(ADMITTED, Set.class);
        if (admitted == null) {
            admitted = new HashSet<>();
            exchange.setProperty(ADMITTED, admitted);
        }
        String name = client.connection().name();
        if (!admitted.contains(name)) {
            client.admit();
            admitted.add(name);
        }
    }

    /**
     * Runs on the HTTP client's thread as the answer arrives, so it only records: it never waits for a login or
     * a lock that a caller waiting for an answer could hold.
     */
    private void after(Exchange exchange, String name) {
        SalesforceConnection connection = clients.forConnection(context, name).salesforceConnection();
        Call call = exchange.getProperty(CALL, Call.class);
        exchange.removeProperty(CALL);
        long elapsed = System.nanoTime() - call.startedNanos();
        if (exchange.getException() == null) {
            connection.answered(elapsed, limitInfo(exchange));
            return;
        }
        // the request as it was, so that a step sent again sends the same (the component may have replaced it)
        exchange.getMessage().setBody(call.request());
        SalesforceApiException failure = SalesforceErrors.translate(exchange.getException());
        if (failure.sessionExpired()) {
            // not applied: the caller sends it again, and its next call renews the session first
            connection.sessionRefused(call.token());
        }
        exchange.setException(connection.failed(failure, elapsed, limitInfo(exchange)));
    }

    private static String limitInfo(Exchange exchange) {
        return exchange.getMessage().getHeader(LIMIT_INFO, String.class);
    }
}
