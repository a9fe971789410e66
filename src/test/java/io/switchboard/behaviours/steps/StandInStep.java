package io.switchboard.behaviours.steps;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;

/**
 * Takes the place of a step that needs a Salesforce connection, so that a route can start without one: it does
 * nothing but note that the route called it, and as a clause's condition it matches nothing.
 */
final class StandInStep implements Processor, Predicate {
    private final String name;
    private final List<String> calls;

    StandInStep(String name, List<String> calls) {
        this.name = name;
        this.calls = calls;
    }

    /** One list for the stand-ins of a context, in the order the routes called them. */
    static List<String> calls() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public void process(Exchange exchange) {
        calls.add(name);
    }

    @Override
    public boolean matches(Exchange exchange) {
        return false;
    }
}
