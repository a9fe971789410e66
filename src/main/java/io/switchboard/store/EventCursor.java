package io.switchboard.store;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where a page of events ends, newest first: the next page starts after this event. The list is paged by the index
 * on the time received, never by counting the events before the page.
 */
public record EventCursor(Instant receivedAt, String id) {
    private static final int LONGEST = 100;

    /** The cursor as it travels in a link: the time and the id, which holds no '~'. */
    public String token() {
        return receivedAt + "~" + id;
    }

    /** A cursor from a link; empty for anything that is not one, so a hostile value starts at the first page. */
    public static Optional<EventCursor> parse(String token) {
        if (token == null || token.length() > LONGEST) {
            return Optional.empty();
        }
        int separator = token.indexOf('~');
        if (separator < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EventCursor(Instant.parse(token.substring(0, separator)), token.substring(separator + 1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
