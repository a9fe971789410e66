package io.switchboard.behaviours;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * On a retry, looks for the ticket an earlier attempt at the call created (its answer lost) and leaves its id as
 * {@value CallTicket#WRITTEN}, so that the route reports it instead of creating a second one. The first attempt
 * spends no call on looking.
 */
public final class FindWrittenCallTicket implements Processor {
    private final ConnectionSteps steps;
    private final FindWrittenTicket findWrittenTicket = new FindWrittenTicket();

    public FindWrittenCallTicket(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        EventAttempt attempt = EventAttempt.of(exchange);
        if (!attempt.retry()) {
            return;
        }
        CallPlan plan = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        CallTicket ticket = exchange.getProperty(CallTicket.PROPERTY, CallTicket.class);
        findWrittenTicket.find(steps.client(exchange, plan.connection()), ticket.sobject(), ticket.fields(),
                ticket.callIdField(), attempt).ifPresent(id -> exchange.setProperty(CallTicket.WRITTEN, id));
    }
}
