package io.switchboard.behaviours.conversation;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.events.ConversationClosed;
import io.switchboard.events.EventOutcome;
import io.switchboard.mapping.ContactOutcome;
import io.switchboard.mapping.ConversationClosedMapping;
import io.switchboard.mapping.Person;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import java.util.function.Supplier;

/**
 * Finds the customer's Contact by phone on the configured fields, or creates it, and leaves it as the exchange
 * property {@value #PROPERTY} (a {@link Person}).
 */
public final class FindConversationContact implements Processor {
    static final String PROPERTY = "conversationContact";

    private final Supplier<ConversationClosedMapping> mapping;
    private final ConnectionSteps steps;

    public FindConversationContact(Supplier<ConversationClosedMapping> mapping, ConnectionSteps steps) {
        this.mapping = mapping;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ConversationClosed.Customer customer = ConversationExchange.event(exchange).customer();
        ContactOutcome found = steps.forConnection(exchange, ConversationExchange.CONNECTION).contacts()
                .findOrCreate(customer.phone(), customer.name(), mapping.get().contactSearch());
        EventOutcome outcome = ConversationExchange.outcome(exchange);
        found.warnings().forEach(outcome::warn);
        if (found.created()) {
            outcome.produced("Contact", found.contact().id(), "created");
        }
        exchange.setProperty(PROPERTY, found.contact());
    }
}
