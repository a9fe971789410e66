package io.switchboard.intake;

import io.switchboard.api.ApiRefusal;
import io.switchboard.api.FieldProblem;
import io.switchboard.api.HttpRequestParts;
import io.switchboard.events.EventType;
import io.switchboard.store.NewEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Reads {@code POST /events/{type}}: a known type (else 404), a JSON body (else 415), a valid event with every
 * problem named (else 400). Leaves the {@link NewEvent} to store as the body, keyed by the {@code Idempotency-Key}
 * header or by the key derived from the event.
 */
public final class ReadEvent implements Processor {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern USABLE_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        EventType type = RequestedEventType.posted(exchange);
        requireJson(HttpRequestParts.header(exchange, "Content-Type"));
        List<FieldProblem> problems = new ArrayList<>();
        String givenKey = givenKey(exchange, problems);
        ParsedEvent parsed = null;
        try {
            parsed = EventParser.parse(type, message.getBody(byte[].class));
        } catch (InvalidEventException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw ApiRefusal.problems("invalid_event", problems);
        }
        message.setBody(parsed.toStore(givenKey));
    }

    /** The caller's {@code Idempotency-Key}, if any; a problem when it is not 1 to 255 visible ASCII characters. */
    static String givenKey(Exchange exchange, List<FieldProblem> problems) {
        String givenKey = HttpRequestParts.header(exchange, IDEMPOTENCY_KEY);
        if (givenKey != null && !USABLE_KEY.matcher(givenKey).matches()) {
            problems.add(new FieldProblem(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters"));
        }
        return givenKey;
    }

    static void requireJson(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw ApiRefusal.of(415, "unsupported_media_type", "send the event with Content-Type: application/json");
        }
    }
}
