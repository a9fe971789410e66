package io.switchboard.behaviours.conversation;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.behaviours.CreatedPerson;
import io.switchboard.mapping.ConversationClosedMapping;
import io.switchboard.mapping.Person;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * After the route created the customer's Contact: it becomes the Case's Contact, and the number is remembered, so
 * that the customer's next conversation (or this one's retry, while Salesforce's search index has not caught up)
 * finds it.
 */
public final class RememberCustomerContact implements Processor {
    private final Supplier<ConversationClosedMapping> mapping;
    private final ConnectionSteps steps;
    private final CreatedPerson person;

    public RememberCustomerContact(Supplier<ConversationClosedMapping> mapping, ConnectionSteps steps, Clock clock) {
        this.mapping = mapping;
        this.steps = steps;
        this.person = new CreatedPerson(steps, clock);
    }

    @Override
    public void process(Exchange exchange) {
        Person created = person.read(exchange, "Contact");
        steps.findPerson(steps.client(exchange, ConversationExchange.CONNECTION)).remember(
                ConversationExchange.event(exchange).customer().phone(), List.of(mapping.get().contactSearch()), created);
        exchange.setProperty(FindConversationContact.PROPERTY, created);
    }
}
