package io.switchboard.behaviours.steps;

import static io.switchboard.behaviours.steps.StepExchanges.editedMappings;
import static io.switchboard.behaviours.steps.StepExchanges.event;
import static io.switchboard.behaviours.steps.StepExchanges.outcome;
import static io.switchboard.behaviours.steps.StepExchanges.shippedMappings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.behaviours.CallPlan;
import io.switchboard.behaviours.CallTicket;
import io.switchboard.behaviours.ChooseCallTrigger;
import io.switchboard.behaviours.ComposeCallPerson;
import io.switchboard.behaviours.ComposeCallTicket;
import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.behaviours.MapCxIntake;
import io.switchboard.behaviours.MapReferralStatus;
import io.switchboard.config.Configuration;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.events.EventType;
import io.switchboard.mapping.MappingException;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.Person;
import io.switchboard.salesforce.ApiPauseSettings;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.LoginSettings;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.salesforce.SalesforceComponents;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps whose body follows the org's describe (the call's ticket and new person, the referral's update, the
 * intake's upsert), on bare exchanges of a context that holds only the default connection's camel-salesforce
 * component: the login and the describes come from the emulated org over HTTP, once for the class, as they would from
 * a real one. No step here writes anything.
 */
class DescribedStepsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Mappings SHIPPED = shippedMappings();
    private static final Person MARIA = new Person("Contact", "003000000000001AAA", Instant.parse("2026-11-01T00:00:00Z"));
    private static SalesforceEmulator emulator;
    private static DefaultCamelContext context;
    private static ConnectionSteps steps;

    @TempDir
    Path config;

    @BeforeAll
    static void connect() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        Map<String, String> env = Map.of("SF_LOGIN_URL", emulator.baseUrl(), "SF_CLIENT_ID", SeededOrg.CLIENT_ID,
                "SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET);
        Map<String, ConnectionSettings> connections = Connections.load(Configuration.load(Path.of("config"), env::get));
        context = new DefaultCamelContext();
        ConnectionSettings settings = connections.get("default");
        context.addComponent(settings.componentName(), SalesforceComponents.create(settings));
        context.start();
        steps = new ConnectionSteps(new SalesforceClients(connections, ApiPauseSettings.DEFAULTS, LoginSettings.DEFAULTS,
                () -> { }), Clock.systemUTC());
    }

    @AfterAll
    static void disconnect() throws IOException {
        context.close();
        emulator.close();
    }

    private static Exchange exchangeFor(Record event) {
        return StepExchanges.exchangeFor(context, event);
    }

    private static JsonNode body(Exchange exchange) throws IOException {
        return JSON.readTree(exchange.getMessage().getBody(String.class));
    }

    @Test
    void shouldUpdateTheReferralsRecordWithTheMappedStatusAndTheReceivingFirm() throws IOException {
        Exchange exchange = exchangeFor(event(EventType.REFERRAL_STATUS_CHANGED, "referral-status-changed"));
        new MapReferralStatus(() -> SHIPPED, steps).process(exchange);
        Message message = exchange.getMessage();
        assertEquals("Referral__c", message.getHeader(SalesforceEndpointConfig.SOBJECT_NAME));
        assertEquals("a015g00000XyZ12AAB", message.getHeader(SalesforceEndpointConfig.SOBJECT_ID));
        assertEquals(JSON.readTree("{\"Status__c\":\"Accepted\",\"Receiving_Firm__c\":\"Smith & Partners LLP\"}"),
                body(exchange));
        assertEquals(List.of(), outcome(exchange).warnings());
    }

    @Test
    void shouldCutAReceivingFirmLongerThanItsFieldAndSaySo() throws IOException {
        Exchange exchange = exchangeFor(event(EventType.REFERRAL_STATUS_CHANGED, "referral-status-changed",
                json -> json.put("receivingFirm", "Smith & Partners ".repeat(20))));
        new MapReferralStatus(() -> SHIPPED, steps).process(exchange);
        assertEquals(("Smith & Partners ".repeat(20)).substring(0, 255), body(exchange).path("Receiving_Firm__c").asText());
        assertEquals(List.of("Referral__c.Receiving_Firm__c was cut to 255 characters, the field's length (the value "
                + "had 340)"), outcome(exchange).warnings());
    }

    @Test
    void shouldFailAStatusTheFileDoesNotListNamingItAndTheStatusesItKnows() {
        Exchange exchange = exchangeFor(event(EventType.REFERRAL_STATUS_CHANGED, "referral-status-changed",
                json -> json.put("status", "Lost In The Post")));
        MappingException failure = assertThrows(MappingException.class,
                () -> new MapReferralStatus(() -> SHIPPED, steps).process(exchange));
        assertEquals("status 'Lost In The Post' is not a Case Xchange status listed in " + SHIPPED.referral().file()
                + "; expected one of Pending, Under Evaluation, Accepted, Rejected, Signed Up, Closed",
                failure.getMessage());
    }

    @Test
    void shouldUpsertTheIntakeByTheCaseIdWithTheMappedFields() throws IOException {
        Exchange exchange = exchangeFor(event(EventType.CASE_ACKNOWLEDGED, "case-acknowledged"));
        new MapCxIntake(() -> SHIPPED, steps).process(exchange);
        Message message = exchange.getMessage();
        assertEquals("casexchange__CX_Intake__c", message.getHeader(SalesforceEndpointConfig.SOBJECT_NAME));
        assertEquals("casexchange__CX_Case_Id__c", message.getHeader(SalesforceEndpointConfig.SOBJECT_EXT_ID_NAME));
        assertEquals("CX-50077", message.getHeader(SalesforceEndpointConfig.SOBJECT_EXT_ID_VALUE));
        JsonNode fields = body(exchange);
        assertEquals("Under Evaluation", fields.path("casexchange__Status__c").asText());
        assertEquals("Jones Injury Law", fields.path("casexchange__Sending_Firm__c").asText());
        assertEquals("2026-10-02", fields.path("casexchange__Incident_Date__c").asText());
        assertEquals("Reyes", fields.path("casexchange__Client_Last_Name__c").asText());
        assertEquals(List.of(), outcome(exchange).warnings());
    }

    @Test
    void shouldLeaveOutTheFieldsOfAnIntakeWithoutAClient() throws IOException {
        Exchange exchange = exchangeFor(event(EventType.CASE_ACKNOWLEDGED, "case-acknowledged",
                json -> json.remove("client")));
        new MapCxIntake(() -> SHIPPED, steps).process(exchange);
        JsonNode fields = body(exchange);
        assertFalse(fields.has("casexchange__Client_Last_Name__c"), fields.toString());
        assertEquals("CX-50077", exchange.getMessage().getHeader(SalesforceEndpointConfig.SOBJECT_EXT_ID_VALUE));
    }

    /** The call as the route has it when the ticket is composed: its trigger chosen, its person and owner found. */
    private static Exchange callFound(Record call, Person person) {
        Exchange exchange = exchangeFor(call);
        new ChooseCallTrigger(() -> SHIPPED).process(exchange);
        CallPlan chosen = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        exchange.setProperty(CallPlan.PROPERTY, new CallPlan(chosen.call(), chosen.variables(), chosen.trigger(),
                chosen.configuration(), person, SeededOrg.AGENT_USER_ID));
        return exchange;
    }

    @Test
    void shouldComposeTheInboundCallsTaskOnTheCallersContact() throws IOException {
        Exchange exchange = callFound(event(EventType.CALL, "call-inbound-answered"), MARIA);
        new ComposeCallTicket(steps).process(exchange);
        JsonNode task = body(exchange);
        assertEquals("[xCALLY Ticket] Sales +393331234567", task.path("Subject").asText());
        assertEquals("Caller: +393331234567\nCaller name: Maria C.\nQueue: Sales\n"
                + "Recording: https://motion.example.com/recordings/1763633200.42.wav", task.path("Description").asText());
        assertEquals("Completed", task.path("Status").asText());
        assertEquals("Inbound", task.path("CallType").asText());
        assertEquals("1763633200.42", task.path("CallObject").asText());
        assertEquals(220, task.path("CallDurationInSeconds").asInt());
        assertEquals("2026-11-20", task.path("ActivityDate").asText());
        assertEquals(SeededOrg.AGENT_USER_ID, task.path("OwnerId").asText());
        assertEquals(MARIA.id(), task.path("WhoId").asText());
        CallTicket ticket = exchange.getProperty(CallTicket.PROPERTY, CallTicket.class);
        assertEquals(new CallTicket("Task", (ObjectNode) task, Optional.of("CallObject")), ticket);
        assertEquals(List.of(), outcome(exchange).warnings());
    }

    @Test
    void shouldLinkATaskToAMatchedAccountAsWhatTheCallIsAbout() throws IOException {
        Person account = new Person("Account", "001000000000009AAA", Instant.parse("2026-11-01T00:00:00Z"));
        Exchange exchange = callFound(event(EventType.CALL, "call-outbound-answered"), account);
        new ComposeCallTicket(steps).process(exchange);
        JsonNode task = body(exchange);
        assertEquals(account.id(), task.path("WhatId").asText());
        assertFalse(task.has("WhoId"), task.toString());
        assertEquals("Outbound", task.path("CallType").asText());
    }

    @Test
    void shouldWarnThatATaskOfACallerNobodyHasIsLinkedToNoPerson() throws IOException {
        Exchange exchange = callFound(event(EventType.CALL, "call-inbound-answered"), null);
        new ComposeCallTicket(steps).process(exchange);
        assertFalse(body(exchange).has("WhoId"));
        assertEquals(List.of("the Task is linked to no person: no Contact/Lead has the number and the configuration's "
                + "create module makes none"), outcome(exchange).warnings());
    }

    @Test
    void shouldCutASubjectLongerThanItsFieldAndSaySo() throws IOException {
        String queue = "Q".repeat(300);
        Exchange exchange = callFound(event(EventType.CALL, "call-inbound-answered", json -> json.put("queue", queue)),
                MARIA);
        new ComposeCallTicket(steps).process(exchange);
        JsonNode task = body(exchange);
        assertEquals(("[xCALLY Ticket] " + queue).substring(0, 255), task.path("Subject").asText());
        assertEquals(List.of("Task.Subject was cut to 255 characters, the field's length (the value had 330)"),
                outcome(exchange).warnings());
        assertEquals(task.path("Subject").asText(),
                exchange.getProperty(CallTicket.PROPERTY, CallTicket.class).fields().path("Subject").asText(),
                "the retry's look-up finds the ticket by the Subject as written");
    }

    /** The shipped call configurations with their create module set to Lead, as an operator would edit it. */
    private Mappings creatingLeads() {
        return editedMappings(config, "call.yaml", file -> file.replace("create: none", "create: Lead"));
    }

    private static Exchange callNobodyHas(Mappings mappings, Record call) {
        Exchange exchange = exchangeFor(call);
        new ChooseCallTrigger(() -> mappings).process(exchange);
        assertEquals("Lead", exchange.getProperty(CallPlan.PROPERTY, CallPlan.class).personToCreate());
        return exchange;
    }

    @Test
    void shouldNameTheLeadOfAnInboundCallerAfterTheCaller() throws IOException {
        Exchange exchange = callNobodyHas(creatingLeads(), event(EventType.CALL, "call-inbound-answered"));
        new ComposeCallPerson(steps, Clock.systemUTC()).process(exchange);
        assertEquals(JSON.readTree("{\"FirstName\":\"Maria\",\"LastName\":\"C.\",\"Company\":\"[not provided]\","
                + "\"Phone\":\"+393331234567\"}"), body(exchange));
        assertEquals(List.of(), outcome(exchange).warnings());
    }

    @Test
    void shouldNameTheLeadOfAnOutboundCallAfterTheNumberNotTheCaller() throws IOException {
        Exchange exchange = callNobodyHas(creatingLeads(), event(EventType.CALL, "call-outbound-answered",
                json -> json.put("callerName", "The Agent's Own Line")));
        new ComposeCallPerson(steps, Clock.systemUTC()).process(exchange);
        JsonNode lead = body(exchange);
        assertEquals("+14155550123", lead.path("LastName").asText());
        assertFalse(lead.has("FirstName"), lead.toString());
        assertEquals("+14155550123", lead.path("Phone").asText());
    }

    @Test
    void shouldCutACallersNameLongerThanTheLeadsFieldAndSaySo() throws IOException {
        Exchange exchange = callNobodyHas(creatingLeads(), event(EventType.CALL, "call-inbound-answered",
                json -> json.put("callerName", "Maria " + "C".repeat(100))));
        new ComposeCallPerson(steps, Clock.systemUTC()).process(exchange);
        assertEquals("C".repeat(80), body(exchange).path("LastName").asText());
        assertEquals(List.of("Lead.LastName was cut to 80 characters, the field's length (the value had 100)"),
                outcome(exchange).warnings());
    }
}
