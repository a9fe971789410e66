package io.switchboard.events;

import org.apache.camel.Exchange;

/**
 * The exchange properties an event carries through its route. The event itself is one of them: the body starts as
 * the event but becomes each Salesforce step's request and answer, so steps read the event from here.
 */
public final class EventProperties {
    /** The event's record, such as a {@link Call}. */
    public static final String EVENT = "switchboardEvent";

    private EventProperties() {
    }

    /** The event of the type a step expects; another type means the step sits in the wrong route. */
    public static <T extends Record> T event(Exchange exchange, Class<T> type) {
        Object event = exchange.getProperty(EVENT);
        if (!type.isInstance(event)) {
            throw new IllegalStateException("expected a " + type.getSimpleName() + " event as the exchange property "
                    + EVENT + ", got " + event + ": events reach the routes through the worker");
        }
        return type.cast(event);
    }
}
