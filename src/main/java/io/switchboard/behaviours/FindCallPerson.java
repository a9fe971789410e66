package io.switchboard.behaviours;

import io.switchboard.events.EventOutcome;
import io.switchboard.lookup.PersonSearchResult;
import io.switchboard.salesforce.SalesforceClient;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Finds the person the customer's number belongs to, on the objects the configuration's search module names
 * (Phone plus its extra field), reported as linked; with several, the most recently modified, with a warning.
 * Nobody matching leaves the plan without a person: the route then creates one if the configuration says so.
 */
public final class FindCallPerson implements Processor {
    private final ConnectionSteps steps;

    public FindCallPerson(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        CallPlan plan = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        EventOutcome outcome = Outcomes.of(exchange);
        String number = plan.call().customerNumber();
        if (number == null || number.isBlank()) {
            outcome.warn("the call has no customer number; no person was searched for");
            return;
        }
        SalesforceClient client = steps.client(exchange, plan.connection());
        PersonSearchResult search = steps.findPerson(client).find(number, plan.configuration().searchTargets());
        search.warnings().forEach(outcome::warn);
        search.found().ifPresent(found -> {
            outcome.produced(found.sobject(), found.id(), "linked");
            exchange.setProperty(CallPlan.PROPERTY, plan.withPerson(found));
        });
    }
}
