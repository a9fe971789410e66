package io.switchboard.behaviours.conversation;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.behaviours.CreatedPerson;
import io.switchboard.events.ConversationClosed;
import io.switchboard.mapping.CreateModule;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The Contact of a customer whose number matched nobody, as the body of the route's {@code createSObject} step: the
 * customer's name split at its last space into FirstName and LastName (the number as LastName with no name), the
 * number in Phone.
 */
public final class ComposeCustomerContact implements Processor {
    private final ConnectionSteps steps;
    private final CreatedPerson person;

    public ComposeCustomerContact(ConnectionSteps steps, Clock clock) {
        this.steps = steps;
        this.person = new CreatedPerson(steps, clock);
    }

    @Override
    public void process(Exchange exchange) {
        ConversationClosed.Customer customer = ConversationExchange.event(exchange).customer();
        person.compose(exchange, steps.client(exchange, ConversationExchange.CONNECTION), CreateModule.CONTACT,
                customer.phone(), customer.name());
    }
}
