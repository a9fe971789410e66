package io.switchboard.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.Call;
import io.switchboard.events.ReferralStatusChanged;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped mapping files applied to the example events, without Salesforce. */
class TemplatesAndTriggersTest {
    private static final Mappings MAPPINGS = MappingFiles.load(Path.of("config"), Set.of("default"));
    private final RenderTemplate render = new RenderTemplate();

    @Test
    void shouldRenderTheConversationSubjectOriginAndStatus() {
        ObjectNode fields = MAPPINGS.conversationClosed().caseFields(EventVariables.of(Events.conversation("whatsapp")));
        assertEquals("{\"Subject\":\"+393331234567 [1793]\",\"Origin\":\"WhatsApp\",\"Status\":\"New\"}",
                fields.toString());
    }

    @Test
    void shouldFailAConversationFromAnUnmappedChannelListingTheMappedOnes() {
        MappingException e = assertThrows(MappingException.class,
                () -> MAPPINGS.conversationClosed().caseFields(EventVariables.of(Events.conversation("sms"))));
        // issue 10: the message names the file and key to edit
        assertEquals("no Case.Origin value for channel 'sms': add it to case.origin in config/conversation-closed.yaml, "
                + "which maps whatsapp, email, web, phone", e.getMessage());
    }

    @Test
    void shouldPickTheInboundTriggerAndRenderItsSubjectAndDescription() {
        EventVariables call = EventVariables.of(Events.inboundCall());
        Trigger trigger = MAPPINGS.call().triggerFor(call).orElseThrow();
        assertEquals("inbound-answered-in-queue", trigger.name());
        CallConfiguration configuration = MAPPINGS.call().configuration(trigger);
        assertEquals("[xCALLY Ticket] Sales +393331234567", render.render(configuration.subject(), call));
        assertEquals("""
                Caller: +393331234567
                Caller name: Maria C.
                Queue: Sales
                Recording: https://motion.example.com/recordings/1763633200.42.wav""",
                render.render(configuration.description(), call));
    }

    @Test
    void shouldPickTheOutboundTriggerAndLeaveOutAbsentValues() {
        EventVariables call = EventVariables.of(Events.outboundCall());
        CallConfiguration configuration = MAPPINGS.call().configuration(MAPPINGS.call().triggerFor(call).orElseThrow());
        assertEquals("[xCALLY Ticket] Outbound Call +14155550123", render.render(configuration.subject(), call));
        assertEquals("Dialled number: +14155550123", render.render(configuration.description(), call));
    }

    @Test
    void shouldMatchNoTriggerForAnInboundCallOutsideAQueueOrUnanswered() {
        Call example = Events.inboundCall();
        Call noQueue = new Call("xcally", "1", "inbound", "answered", " ", "+393331234567", null, null, null, null,
                null, null, null, null, Map.of());
        Call missed = new Call("xcally", "2", "inbound", "no-answer", "Sales", "+393331234567", null, null, null, null,
                null, null, null, null, Map.of());
        assertTrue(MAPPINGS.call().triggerFor(EventVariables.of(example)).isPresent());
        assertTrue(MAPPINGS.call().triggerFor(EventVariables.of(noQueue)).isEmpty());
        assertTrue(MAPPINGS.call().triggerFor(EventVariables.of(missed)).isEmpty());
    }

    @Test
    void shouldMatchConditionsOnCustomVariablesAndListsOfValues() {
        EventVariables call = EventVariables.of(Events.inboundCall());
        assertTrue(new Condition("customerTier", true, Condition.Test.ONE_OF, List.of("silver", "GOLD")).matches(call));
        assertTrue(new Condition("campaign", true, Condition.Test.PRESENT, List.of()).matches(call));
        assertTrue(new Condition("voicemail", true, Condition.Test.ABSENT, List.of()).matches(call));
        assertTrue(!new Condition("direction", false, Condition.Test.ONE_OF, List.of("outbound")).matches(call));
    }

    @Test
    void shouldMapTheTaskFieldsToTheirSalesforceTypes() {
        EventVariables call = EventVariables.of(Events.inboundCall());
        CallConfiguration configuration = MAPPINGS.call().configurations().get("inbound-call");
        SObjectDescription task = new SObjectDescription("Task", Map.of(
                "ActivityDate", field("ActivityDate", "date"),
                "CallDurationInSeconds", field("CallDurationInSeconds", "int")));
        assertEquals("{\"Status\":\"Completed\",\"TaskSubtype\":\"Call\",\"CallType\":\"Inbound\","
                        + "\"CallObject\":\"1763633200.42\",\"CallDurationInSeconds\":220,\"ActivityDate\":\"2026-11-20\"}",
                new MapFields().map(configuration.fields(), call, task).toString());
    }

    @Test
    void shouldMapTheIntakeFieldsByTheirOwnTypesWithoutADescribe() {
        ObjectNode fields = new MapFields().map(MAPPINGS.caseAcknowledged().fields(),
                EventVariables.of(Events.caseAcknowledged()));
        assertEquals("2026-10-02", fields.get("casexchange__Incident_Date__c").asText());
        assertEquals("2026-11-20T16:05:00.000+0000", fields.get("casexchange__Acknowledged_At__c").asText());
        assertEquals("Dana", fields.get("casexchange__Client_First_Name__c").asText());
        assertEquals(11, fields.size());
    }

    @Test
    void shouldWriteBackTheMappedReferralStatusAndRefuseAnUnlistedOne() {
        ReferralStatusChanged accepted = new ReferralStatusChanged("casexchange", "CX-48213", "REF-2026-0917",
                "Accepted", "Smith & Partners LLP", "a015g00000XyZ12AAB", Instant.parse("2026-11-20T15:30:00Z"));
        assertEquals("{\"Status__c\":\"Accepted\",\"Receiving_Firm__c\":\"Smith & Partners LLP\"}",
                MAPPINGS.referral().fields(accepted).toString());
        ReferralStatusChanged unknown = new ReferralStatusChanged("casexchange", "CX-48213", null, "Withdrawn", null,
                "a015g00000XyZ12AAB", Instant.parse("2026-11-20T15:30:00Z"));
        MappingException e = assertThrows(MappingException.class, () -> MAPPINGS.referral().fields(unknown));
        assertTrue(e.getMessage().startsWith("status 'Withdrawn' is not a Case Xchange status listed in config"),
                e.getMessage());
    }

    private static FieldDescription field(String name, String type) {
        return new FieldDescription(name, type, 0, true, true, false, false, List.of());
    }
}
