package io.switchboard.behaviours;

import io.switchboard.lookup.UserMatch;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Finds the active Salesforce user with the agent's email on the trigger's connection, to own the ticket; with
 * none, the connection's own user owns it and the event carries a warning saying whom to fix.
 */
public final class LookupCallAgent implements Processor {
    private final ConnectionSteps steps;

    public LookupCallAgent(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        CallPlan plan = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        UserMatch user = steps.lookupUser(steps.client(exchange, plan.connection()))
                .lookup(plan.call().agentEmail());
        user.warnings().forEach(Outcomes.of(exchange)::warn);
        exchange.setProperty(CallPlan.PROPERTY, plan.withOwner(user.userId()));
    }
}
