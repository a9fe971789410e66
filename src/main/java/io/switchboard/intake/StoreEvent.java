package io.switchboard.intake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.switchboard.store.Acceptance;
import io.switchboard.store.EventStore;
import io.switchboard.store.NewEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Stores the event read by {@link ReadEvent} and answers 202 once it is committed, or 200 for a duplicate. */
public final class StoreEvent implements Processor {
    private final EventStore store;

    public StoreEvent(EventStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        Acceptance acceptance = store.accept(exchange.getMessage().getBody(NewEvent.class));
        JsonAnswer.write(exchange, acceptance.duplicate() ? 200 : 202, JsonNodeFactory.instance.objectNode()
                .put("eventId", acceptance.eventId())
                .put("status", acceptance.duplicate() ? "duplicate" : "accepted"));
    }
}
