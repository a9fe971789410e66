package io.switchboard.intake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.switchboard.api.ApiRefusal;
import io.switchboard.api.JsonAnswers;
import io.switchboard.store.Acceptance;
import io.switchboard.store.EventStore;
import io.switchboard.store.NewEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Stores the event read by {@link ReadEvent} and answers 202 once it is committed, 200 for a duplicate (same key and
 * body), or 409 when its key came before with another body.
 */
public final class StoreEvent implements Processor {
    private final EventStore store;

    public StoreEvent(EventStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        Acceptance acceptance = store.accept(exchange.getMessage().getBody(NewEvent.class));
        if (acceptance.keyReused()) {
            throw ApiRefusal.of(409, "idempotency_key_reused", "an event of this type with this idempotency key and "
                    + "a different body was accepted before; nothing was stored");
        }
        JsonAnswers.write(exchange, acceptance.duplicate() ? 200 : 202, JsonNodeFactory.instance.objectNode()
                .put("eventId", acceptance.eventId())
                .put("status", acceptance.duplicate() ? "duplicate" : "accepted"));
    }
}
