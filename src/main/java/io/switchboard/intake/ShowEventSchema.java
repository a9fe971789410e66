package io.switchboard.intake;

import io.switchboard.api.JsonAnswers;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Answers {@code GET /events/{type}/schema}: the JSON Schema intake checks that type's events against; 404 if unknown. */
public final class ShowEventSchema implements Processor {

    @Override
    public void process(Exchange exchange) {
        JsonAnswers.write(exchange, 200, EventSchema.of(RequestedEventType.of(exchange)).document(), EventSchema.MEDIA_TYPE);
    }
}
