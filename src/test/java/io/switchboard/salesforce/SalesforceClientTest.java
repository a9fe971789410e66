package io.switchboard.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.config.Configuration;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.emulator.seed.SeededOrg;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's calls reach the emulator through camel-salesforce and Salesforce's refusals come back intact. */
class SalesforceClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SalesforceEmulator emulator;
    private static DefaultCamelContext context;
    private static SalesforceClient client;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        Map<String, String> env = Map.of("SF_LOGIN_URL", emulator.baseUrl(), "SF_CLIENT_ID", SeededOrg.CLIENT_ID,
                "SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET);
        ConnectionSettings settings = Connections.load(Configuration.load(Path.of("config"), env::get)).get("default");
        context = new DefaultCamelContext();
        context.addComponent(settings.componentName(), SalesforceComponents.create(settings));
        context.start();
        client = new SalesforceClient(context, settings);
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.admin().reset();
    }

    @Test
    void shouldCreateReadUpdateAndQueryARecord() {
        ObjectNode fields = JSON.createObjectNode().put("LastName", "O'Brien").put("Phone", "+1 (415) 555-0100");
        String id = client.create("Contact", fields).path("id").asText();
        assertTrue(id.startsWith("003"), id);
        client.update("Contact", id, JSON.createObjectNode().put("FirstName", "Ann"));
        assertEquals("Ann O'Brien", client.get("Contact", id, List.of("Name")).path("Name").asText());
        JsonNode found = client.query("SELECT Id FROM Contact WHERE LastName = 'O\\'Brien' AND Phone LIKE '+1 (415)%'");
        assertEquals(1, found.path("totalSize").asInt(), found.toString());
    }

    @Test
    void shouldUpsertByExternalIdOnce() {
        ObjectNode fields = JSON.createObjectNode().put("casexchange__Status__c", "Pending");
        assertTrue(client.upsert("casexchange__CX_Intake__c", "casexchange__CX_Case_Id__c", "CX-1", fields).path("created").asBoolean());
        assertEquals(false, client.upsert("casexchange__CX_Intake__c", "casexchange__CX_Case_Id__c", "CX-1", fields).path("created").asBoolean());
        assertEquals(1, emulator.admin().records("casexchange__CX_Intake__c").size());
    }

    @Test
    void shouldPassSalesforcesOwnErrorCodeAndMessage() {
        SalesforceApiException e = assertThrows(SalesforceApiException.class,
                () -> client.create("Case", JSON.createObjectNode().put("Status", "Teleported")));
        assertEquals(400, e.status());
        assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", e.errorCode());
        assertEquals("Status: bad value for restricted picklist field: Teleported", e.getMessage());
        assertEquals(List.of("Status"), e.fields());
    }

    @Test
    void shouldTellTransientFromPermanentFailures() {
        emulator.admin().addFault(FaultRule.times(FaultKind.SERVER_UNAVAILABLE, 1)
                .on("GET", "/limits"));
        SalesforceApiException e = assertThrows(SalesforceApiException.class, client::limits);
        assertTrue(e.transientFailure(), e.errorCode() + " " + e.status());
        assertEquals(503, e.status());
    }
}
