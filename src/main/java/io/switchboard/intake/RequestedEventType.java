package io.switchboard.intake;

import io.switchboard.api.ApiRefusal;
import io.switchboard.api.HttpRequestParts;
import io.switchboard.events.EventType;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;

/** The event type a request's path names ({@code /events/{type}}); an unknown one answers 404 with the known ones. */
final class RequestedEventType {
    private static final String KNOWN_TYPES = Arrays.stream(EventType.values()).filter(EventType::posted)
            .map(EventType::path).collect(Collectors.joining(", "));

    private RequestedEventType() {
    }

    static EventType of(Exchange exchange) {
        return EventType.fromPath(HttpRequestParts.path(exchange, "type"))
                .orElseThrow(() -> ApiRefusal.of(404, "unknown_event_type", "event types are " + KNOWN_TYPES));
    }

    /** A type sources may post; one the engine makes itself (contact-delivery) is as unknown to them as any other. */
    static EventType posted(Exchange exchange) {
        EventType type = of(exchange);
        if (!type.posted()) {
            throw ApiRefusal.of(404, "unknown_event_type", "event types are " + KNOWN_TYPES);
        }
        return type;
    }
}
