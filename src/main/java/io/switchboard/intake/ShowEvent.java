package io.switchboard.intake;

import io.switchboard.api.ApiRefusal;
import io.switchboard.api.HttpRequestParts;
import io.switchboard.api.JsonAnswers;
import io.switchboard.store.EventStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Answers {@code GET /events/{eventId}}: where the event stands, what it produced, why it failed; 404 if unknown. */
public final class ShowEvent implements Processor {
    private final EventStore store;

    public ShowEvent(EventStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        String id = HttpRequestParts.path(exchange, "eventId");
        JsonAnswers.write(exchange, 200, store.find(id).map(event -> EventJson.of(event, store.progress(id)))
                .orElseThrow(ShowEvent::notFound));
    }

    static ApiRefusal notFound() {
        return ApiRefusal.of(404, "not_found", "no event has this id");
    }
}
