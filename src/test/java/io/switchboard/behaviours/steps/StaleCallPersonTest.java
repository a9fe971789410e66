package io.switchboard.behaviours.steps;

import static io.switchboard.behaviours.steps.StepExchanges.event;
import static io.switchboard.behaviours.steps.StepExchanges.exchangeFor;
import static io.switchboard.behaviours.steps.StepExchanges.shippedMappings;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.behaviours.CallPlan;
import io.switchboard.behaviours.ChooseCallTrigger;
import io.switchboard.behaviours.StaleCallPerson;
import io.switchboard.events.EventType;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.Person;
import io.switchboard.salesforce.SalesforceApiException;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The condition of the stale-person clause in routes/salesforce-errors.camel.yaml: a ticket refused because the
 * person it links to, remembered from an earlier call, is gone. Its step forgets the person in the connection's
 * cache, which needs a Salesforce connection, and is left to the route tests against the emulator.
 */
class StaleCallPersonTest {
    private static final Mappings SHIPPED = shippedMappings();
    private static final Person MARIA = new Person("Contact", "003000000000001AAA", Instant.parse("2026-11-01T00:00:00Z"));

    /** Its collaborator is used only by the clause's step, never by the condition. */
    private final StaleCallPerson stale = new StaleCallPerson(null);
    private Exchange exchange;
    private CallPlan chosen;

    @BeforeEach
    void chooseTrigger() {
        exchange = exchangeFor(event(EventType.CALL, "call-inbound-answered"));
        new ChooseCallTrigger(() -> SHIPPED).process(exchange);
        chosen = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
    }

    private void matched(Person person) {
        exchange.setProperty(CallPlan.PROPERTY, new CallPlan(chosen.call(), chosen.variables(), chosen.trigger(),
                chosen.configuration(), person, "005000000000001AAA"));
    }

    private void refused(String errorCode, String... fields) {
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new SalesforceApiException(400, errorCode,
                "entity is deleted", List.of(fields), null));
    }

    @Test
    void shouldRecogniseARefusalOfTheRememberedPersonsLink() {
        matched(MARIA);
        refused("ENTITY_IS_DELETED", "WhoId");
        assertTrue(stale.matches(exchange));
    }

    @Test
    void shouldRecogniseAnInvalidCrossReferenceOnACasesAccount() {
        matched(new Person("Account", "001000000000001AAA", Instant.parse("2026-11-01T00:00:00Z")));
        refused("INVALID_CROSS_REFERENCE_KEY", "AccountId");
        assertTrue(stale.matches(exchange));
    }

    @Test
    void shouldLeaveARefusalOfAnotherFieldToTheOtherClauses() {
        matched(MARIA);
        refused("INVALID_CROSS_REFERENCE_KEY", "OwnerId");
        assertFalse(stale.matches(exchange));
    }

    @Test
    void shouldLeaveAnotherRefusalOfThePersonsLinkToTheOtherClauses() {
        matched(MARIA);
        refused("REQUIRED_FIELD_MISSING", "WhoId");
        assertFalse(stale.matches(exchange));
    }

    @Test
    void shouldNotMatchWhenTheCallMatchedNobody() {
        matched(null);
        refused("ENTITY_IS_DELETED", "WhoId");
        assertFalse(stale.matches(exchange));
    }

    @Test
    void shouldNotMatchAFailureThatIsNotSalesforcesRefusal() {
        matched(MARIA);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("WhoId"));
        assertFalse(stale.matches(exchange));
    }

    @Test
    void shouldNotMatchBeforeATriggerWasChosen() {
        exchange.removeProperty(CallPlan.PROPERTY);
        refused("ENTITY_IS_DELETED", "WhoId");
        assertFalse(stale.matches(exchange));
    }
}
