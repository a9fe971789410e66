package io.switchboard.behaviours;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The fields of the person the call's create module makes for a number that matched nobody, as the body of the
 * route's {@code createSObject} step: on an inbound call named after the caller, on an outbound call (whose callee's
 * name nobody knows) after the number.
 */
public final class ComposeCallPerson implements Processor {
    private final ConnectionSteps steps;
    private final CreatedPerson person;

    public ComposeCallPerson(ConnectionSteps steps, Clock clock) {
        this.steps = steps;
        this.person = new CreatedPerson(steps, clock);
    }

    @Override
    public void process(Exchange exchange) {
        CallPlan plan = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        String name = "inbound".equals(plan.call().direction()) ? plan.call().callerName() : null;
        person.compose(exchange, steps.client(exchange, plan.connection()), plan.configuration().create(),
                plan.call().customerNumber(), name);
    }
}
