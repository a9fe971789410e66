package io.switchboard.intake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.switchboard.api.ApiRefusal;
import io.switchboard.api.HttpRequestParts;
import io.switchboard.api.JsonAnswers;
import io.switchboard.store.EventStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Answers {@code POST /events/{eventId}/replay}: 202 when a failed or skipped event is pending again, else 409 or 404. */
public final class ReplayEvent implements Processor {
    private final EventStore store;

    public ReplayEvent(EventStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        String id = HttpRequestParts.path(exchange, "eventId");
        switch (store.replay(id)) {
            case REQUEUED -> JsonAnswers.write(exchange, 202,
                    JsonNodeFactory.instance.objectNode().put("eventId", id).put("status", "pending"));
            case NOT_REPLAYABLE -> throw ApiRefusal.of(409, "not_replayable",
                    "only failed or skipped events can be replayed; this one is " + store.find(id)
                            .map(event -> event.status().label()).orElse("gone"));
            case NOT_FOUND -> throw ShowEvent.notFound();
        }
    }
}
