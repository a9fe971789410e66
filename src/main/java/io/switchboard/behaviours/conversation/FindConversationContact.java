package io.switchboard.behaviours.conversation;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.events.ConversationClosed;
import io.switchboard.events.EventOutcome;
import io.switchboard.lookup.PersonSearchResult;
import io.switchboard.mapping.ConversationClosedMapping;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Searches the customer's Contact by phone on the configured fields, whatever either side's formatting, and leaves
 * it as the exchange property {@value #PROPERTY} (a {@code Person}); with several, the most recently modified, with a
 * warning. Nobody found leaves no property: the route then creates the Contact.
 */
public final class FindConversationContact implements Processor {
    static final String PROPERTY = "switchboardConversationContact";

    private final Supplier<ConversationClosedMapping> mapping;
    private final ConnectionSteps steps;

    public FindConversationContact(Supplier<ConversationClosedMapping> mapping, ConnectionSteps steps) {
        this.mapping = mapping;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ConversationClosed.Customer customer = ConversationExchange.event(exchange).customer();
        PersonSearchResult search = steps.forConnection(exchange, ConversationExchange.CONNECTION).persons()
                .find(customer.phone(), List.of(mapping.get().contactSearch()));
        EventOutcome outcome = ConversationExchange.outcome(exchange);
        search.warnings().forEach(outcome::warn);
        search.found().ifPresent(contact -> exchange.setProperty(PROPERTY, contact));
    }
}
