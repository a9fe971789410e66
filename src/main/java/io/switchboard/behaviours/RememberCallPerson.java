package io.switchboard.behaviours;

import io.switchboard.mapping.Person;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * After the route created the caller's person: it becomes the ticket's person, and its number is remembered, so
 * that the next call from it (or this call's retry, while Salesforce's search index has not caught up) finds it.
 */
public final class RememberCallPerson implements Processor {
    private final ConnectionSteps steps;
    private final CreatedPerson person;

    public RememberCallPerson(ConnectionSteps steps, Clock clock) {
        this.steps = steps;
        this.person = new CreatedPerson(steps, clock);
    }

    @Override
    public void process(Exchange exchange) {
        CallPlan plan = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        Person created = person.read(exchange, plan.personToCreate());
        steps.findPerson(steps.client(exchange, plan.connection()))
                .remember(plan.call().customerNumber(), plan.configuration().searchTargets(), created);
        exchange.setProperty(CallPlan.PROPERTY, plan.withPerson(created));
    }
}
