package io.switchboard.behaviours.conversation;

import io.switchboard.config.ConnectionOptions;
import io.switchboard.events.ConversationClosed;
import io.switchboard.events.EventHeaders;
import io.switchboard.events.EventOutcome;
import io.switchboard.events.EventProperties;
import org.apache.camel.Exchange;

/**
 * What the conversation steps read from the exchange: the event in the body, the outcome they report to, and the
 * typed results earlier steps left as exchange properties.
 */
final class ConversationExchange {
    /** Conversations have no trigger to choose an org: they go to the connection named default. */
    static final String CONNECTION = ConnectionOptions.DEFAULT;

    private ConversationExchange() {
    }

    static ConversationClosed event(Exchange exchange) {
        return EventProperties.event(exchange, ConversationClosed.class);
    }

    /** The stored event's id, which the worker sets: files are downloaded for it while it waits, pending. */
    static String eventId(Exchange exchange) {
        String id = exchange.getMessage().getHeader(EventHeaders.EVENT_ID, String.class);
        if (id == null) {
            throw new IllegalStateException("header " + EventHeaders.EVENT_ID + " is missing: attachments are "
                    + "downloaded only for events the worker runs");
        }
        return id;
    }

    /** The worker always sets one; a route driven another way gets a fresh one, so steps never check for null. */
    static EventOutcome outcome(Exchange exchange) {
        EventOutcome outcome = exchange.getProperty(EventOutcome.PROPERTY, EventOutcome.class);
        if (outcome == null) {
            outcome = new EventOutcome();
            exchange.setProperty(EventOutcome.PROPERTY, outcome);
        }
        return outcome;
    }

    /** A result an earlier step left; missing means the route lists its steps in the wrong order. */
    static <T> T required(Exchange exchange, String property, Class<T> type, String producingStep) {
        T value = exchange.getProperty(property, type);
        if (value == null) {
            throw new IllegalStateException("exchange property " + property + " is missing: the route must call "
                    + producingStep + " first");
        }
        return value;
    }
}
