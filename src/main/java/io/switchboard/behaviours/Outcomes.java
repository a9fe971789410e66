package io.switchboard.behaviours;

import io.switchboard.events.EventOutcome;
import org.apache.camel.Exchange;

/** Reaches the outcome the worker attached to an event's exchange, and ends an event as skipped. */
final class Outcomes {
    private Outcomes() {
    }

    static EventOutcome of(Exchange exchange) {
        EventOutcome outcome = exchange.getProperty(EventOutcome.PROPERTY, EventOutcome.class);
        if (outcome == null) {
            throw new IllegalStateException("route " + exchange.getFromRouteId() + " needs the exchange property "
                    + EventOutcome.PROPERTY + "; events reach it through the worker");
        }
        return outcome;
    }

    /** Records why the event needs no write and stops the route here. */
    static void skip(Exchange exchange, String reason) {
        exchange.setProperty(EventOutcome.SKIPPED, reason);
        exchange.setRouteStop(true);
    }
}
