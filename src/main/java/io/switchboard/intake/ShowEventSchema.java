package io.switchboard.intake;

import io.switchboard.api.JsonAnswers;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Answers {@code GET /events/{type}/schema}: the JSON Schema the type's events are checked against; 404 if unknown. */
public final class ShowEventSchema implements Processor {

    @Override
    public void process(Exchange exchange) {
        EventSchema schema = EventSchema.of(RequestedEventType.of(exchange));
        JsonAnswers.write(exchange, 200, schema.document(), EventSchema.MEDIA_TYPE);
    }
}
