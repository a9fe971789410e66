package io.switchboard.processing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.config.Configuration;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.events.ClaimLostException;
import io.switchboard.events.EventHeaders;
import io.switchboard.events.EventType;
import io.switchboard.salesforce.ApiPauseSettings;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.LoginSettings;
import io.switchboard.salesforce.SalesforceCallGuard;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.salesforce.SalesforceComponents;
import io.switchboard.store.ClaimedEvent;
import io.switchboard.store.EventStore;
import io.switchboard.store.IdempotencyKey;
import io.switchboard.store.NewEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write that a Java step sends itself for an event (the conversation's delete of a Case it could not complete)
 * passes the same lease fence as the route's own endpoint calls: while the node holds the event it goes out; once
 * another node took the event over, it is not sent. Real store, real camel-salesforce, the emulated org over HTTP.
 */
class FencedStepWriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEASE = Duration.ofMinutes(1);

    private SalesforceEmulator emulator;
    private EventStore store;
    private DefaultCamelContext context;
    private SalesforceClient client;

    @BeforeEach
    void connect() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        Map<String, String> env = Map.of("SF_LOGIN_URL", emulator.baseUrl(), "SF_CLIENT_ID", SeededOrg.CLIENT_ID,
                "SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET);
        Map<String, ConnectionSettings> connections = Connections.load(Configuration.load(Path.of("config"), env::get));
        ConnectionSettings settings = connections.get("default");
        context = new DefaultCamelContext();
        context.addComponent(settings.componentName(), SalesforceComponents.create(settings));
        SalesforceClients clients = new SalesforceClients(connections, ApiPauseSettings.DEFAULTS, LoginSettings.DEFAULTS,
                () -> { });
        store = EventStore.openThrowaway();
        SalesforceCallGuard.install(context, clients, new LeaseFence(store, LEASE));
        context.start();
        client = clients.forConnection(context, "default");
    }

    @AfterEach
    void stop() {
        context.stop();
        store.close();
        emulator.close();
    }

    @Test
    void shouldSendAStepsWriteWhileTheNodeHoldsTheEvent() throws Exception {
        String caseId = newCase();
        client.sendFor(eventExchange(claimOne()), "DELETE", "/sobjects/Case/" + caseId, null);
        assertFalse(caseExists(caseId), "the node holding the event deleted the Case");
    }

    @Test
    void shouldNotSendAStepsWriteOnceAnotherNodeTookTheEventOver() throws Exception {
        String caseId = newCase();
        ClaimedEvent claim = claimOne();
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement takeOver = connection.prepareStatement(
                     "UPDATE events SET claimed_by = 'other-node', claim_token = 'other-claim' WHERE id = ?")) {
            takeOver.setString(1, claim.id());
            takeOver.executeUpdate();
        }
        Exchange event = eventExchange(claim);
        assertThrows(ClaimLostException.class,
                () -> client.sendFor(event, "DELETE", "/sobjects/Case/" + caseId, null));
        assertTrue(caseExists(caseId), "the node that lost the event sent no delete");
    }

    private String newCase() throws Exception {
        return client.create("Case", JSON.readTree("{\"Subject\":\"half written\",\"Origin\":\"Web\"}"))
                .path("id").asText();
    }

    private ClaimedEvent claimOne() {
        store.accept(new NewEvent(EventType.CONVERSATION_CLOSED, "witiop", IdempotencyKey.client("fenced-step"), "{}",
                "digest", List.of(), "fenced-step"));
        return store.claimDue(1, "this-node", LEASE).get(0);
    }

    /** The exchange as the worker hands a claimed event to its route. */
    private Exchange eventExchange(ClaimedEvent claim) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(EventHeaders.EVENT_ID, claim.id());
        exchange.setProperty(EventHeaders.CLAIM, claim);
        return exchange;
    }

    private boolean caseExists(String caseId) {
        return emulator.admin().records("Case").stream().anyMatch(record -> caseId.equals(record.get("Id")));
    }
}
