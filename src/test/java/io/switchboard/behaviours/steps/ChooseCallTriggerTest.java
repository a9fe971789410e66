package io.switchboard.behaviours.steps;

import static io.switchboard.behaviours.steps.StepExchanges.editedMappings;
import static io.switchboard.behaviours.steps.StepExchanges.event;
import static io.switchboard.behaviours.steps.StepExchanges.exchangeFor;
import static io.switchboard.behaviours.steps.StepExchanges.shippedMappings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.behaviours.CallPlan;
import io.switchboard.behaviours.ChooseCallTrigger;
import io.switchboard.events.EventType;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.TicketType;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call route's first step with the shipped config/call.yaml: which trigger takes a call, or why none does. */
class ChooseCallTriggerTest {
    private static final Mappings SHIPPED = shippedMappings();
    private final ChooseCallTrigger step = new ChooseCallTrigger(() -> SHIPPED);

    @TempDir
    Path config;

    private Exchange chosen(Record call) {
        Exchange exchange = exchangeFor(call);
        step.process(exchange);
        return exchange;
    }

    @Test
    void shouldSendAnInboundCallAnsweredInAQueueToTheInboundConfiguration() {
        Exchange exchange = chosen(event(EventType.CALL, "call-inbound-answered"));
        CallPlan plan = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        assertEquals("inbound-answered-in-queue", plan.trigger().name());
        assertEquals(SHIPPED.call().configurations().get("inbound-call"), plan.configuration());
        assertEquals(TicketType.TASK, plan.configuration().ticketType());
        assertEquals("default", plan.connection());
        assertEquals("salesforce", plan.component());
        assertNull(plan.personToCreate(), "the shipped inbound configuration creates nobody");
        assertNull(plan.ownerId());
        assertNull(exchange.getProperty(ChooseCallTrigger.NO_TRIGGER));
    }

    @Test
    void shouldSendAnAnsweredOutboundCallToTheOutboundConfiguration() {
        CallPlan plan = chosen(event(EventType.CALL, "call-outbound-answered")).getProperty(CallPlan.PROPERTY,
                CallPlan.class);
        assertEquals("outbound-answered", plan.trigger().name());
        assertEquals(SHIPPED.call().configurations().get("outbound-call"), plan.configuration());
        assertEquals("+14155550123", plan.call().customerNumber());
    }

    @Test
    void shouldDescribeThePlanWithoutTheCallersNumberOrTheAgent() {
        CallPlan plan = chosen(event(EventType.CALL, "call-outbound-answered")).getProperty(CallPlan.PROPERTY,
                CallPlan.class);
        String text = plan.toString();
        assertEquals("CallPlan[trigger=outbound-answered, connection=default, person=none, owner=null]", text);
        assertTrue(!text.contains(plan.call().customerNumber()), text);
    }

    @Test
    void shouldNameTheValuesTheTriggersAskedAboutWhenAnInboundCallHasNoQueue() {
        Exchange exchange = chosen(event(EventType.CALL, "call-inbound-answered", json -> json.remove("queue")));
        assertNull(exchange.getProperty(CallPlan.PROPERTY));
        assertEquals("no active trigger matches: direction=inbound, status=answered, queue=(absent)",
                exchange.getProperty(ChooseCallTrigger.NO_TRIGGER));
    }

    @Test
    void shouldTakeABlankQueueForNone() {
        Exchange exchange = chosen(event(EventType.CALL, "call-inbound-answered", json -> json.put("queue", "   ")));
        assertNull(exchange.getProperty(CallPlan.PROPERTY));
        assertEquals("no active trigger matches: direction=inbound, status=answered, queue=   ",
                exchange.getProperty(ChooseCallTrigger.NO_TRIGGER));
    }

    @Test
    void shouldLeaveACallWithAStatusNoTriggerKnowsToTheSkip() {
        Exchange exchange = chosen(event(EventType.CALL, "call-inbound-answered",
                json -> json.put("status", "ringing-forever")));
        assertNull(exchange.getProperty(CallPlan.PROPERTY));
        assertEquals("no active trigger matches: direction=inbound, status=ringing-forever, queue=Sales",
                exchange.getProperty(ChooseCallTrigger.NO_TRIGGER));
    }

    @Test
    void shouldSaySoWhenEveryTriggerIsOff() {
        Mappings allOff = editedMappings(config, "call.yaml", file -> file.replace("active: ON", "active: OFF"));
        Exchange exchange = exchangeFor(event(EventType.CALL, "call-inbound-answered"));
        new ChooseCallTrigger(() -> allOff).process(exchange);
        assertNull(exchange.getProperty(CallPlan.PROPERTY));
        assertEquals("no call trigger is active in call.yaml", exchange.getProperty(ChooseCallTrigger.NO_TRIGGER));
    }

    @Test
    void shouldRefuseAnEventThatIsNotACall() {
        Exchange exchange = exchangeFor(event(EventType.CASE_ACKNOWLEDGED, "case-acknowledged"));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> step.process(exchange));
        assertTrue(failure.getMessage().startsWith(
                "expected a Call event as the exchange property switchboardEvent, got CaseAcknowledged["),
                failure.getMessage());
    }
}
