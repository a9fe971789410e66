package io.switchboard.behaviours.conversation;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.events.ConversationClosed;
import io.switchboard.events.EventOutcome;
import io.switchboard.lookup.UserMatch;
import io.switchboard.mapping.ConversationClosedMapping;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Finds the agent's active user by email and, with audit fields on, the customer-comment user by username; either
 * missing is the connection's own user with a warning. Leaves {@link ConversationUsers} on the exchange.
 */
public final class FindConversationUsers implements Processor {
    private final Supplier<ConversationClosedMapping> mapping;
    private final ConnectionSteps steps;

    public FindConversationUsers(Supplier<ConversationClosedMapping> mapping, ConnectionSteps steps) {
        this.mapping = mapping;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ConversationClosed event = ConversationExchange.event(exchange);
        ConnectionSteps.Steps connection = steps.forConnection(exchange, ConversationExchange.CONNECTION);
        EventOutcome outcome = ConversationExchange.outcome(exchange);
        UserMatch agent = connection.usersByEmail().lookup(event.agent().email());
        agent.warnings().forEach(warning -> outcome.warn("Case owner: " + warning));
        String customerUserId = null;
        if (mapping.get().auditFields() && event.messages().stream().anyMatch(ConversationClosed.Message::fromCustomer)) {
            UserMatch customer = connection.usersByUsername().lookup(
                    mapping.get().customerCommentUsername(connection.client().connection().customerCommentUsername()),
                    customerCommentSetting());
            customer.warnings().forEach(warning -> outcome.warn("Customer comments: " + warning));
            customerUserId = customer.userId();
        }
        exchange.setProperty(ConversationUsers.PROPERTY, new ConversationUsers(agent.userId(), customerUserId));
    }

    private String customerCommentSetting() {
        return mapping.get().customerCommentUser() != null ? "comments.customerCommentUser in " + mapping.get().file().getFileName()
                : "SF_CUSTOMER_COMMENT_USERNAME";
    }
}
