package io.switchboard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.events.EventType;
import io.switchboard.store.EventStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventsQueryTest {
    private static EventsQuery read(Map<String, String> fields) {
        return EventsQuery.read(name -> Optional.ofNullable(fields.get(name)));
    }

    @Test
    void shouldReadEveryPartOfTheFilter() {
        EventsQuery query = read(Map.of("type", "call", "status", "failed", "source", " xcally ", "from",
                "2026-11-20T10:15", "to", "2026-11-21T00:00:00Z", "q", "1763633200.42",
                "after", "2026-11-20T10:16:00Z~0b5e"));
        assertEquals(List.of(), query.problems());
        assertEquals(Optional.of(EventType.CALL), query.filter().type());
        assertEquals(Optional.of(EventStatus.FAILED), query.filter().status());
        assertEquals(Optional.of("xcally"), query.filter().source());
        assertEquals(Optional.of(Instant.parse("2026-11-20T10:15:00Z")), query.filter().receivedFrom());
        assertEquals(Optional.of(Instant.parse("2026-11-21T00:00:00Z")), query.filter().receivedBefore());
        assertEquals(Optional.of("1763633200.42"), query.filter().id());
        assertEquals("0b5e", query.after().orElseThrow().id());
        assertEquals("type=call&status=failed&source=xcally&from=2026-11-20T10%3A15&to=2026-11-21T00%3A00%3A00Z"
                + "&q=1763633200.42", query.queryString());
    }

    @Test
    void shouldNameEachValueItCannotUseAndLeaveItOutOfTheFilter() {
        EventsQuery query = read(Map.of("type", "<script>", "status", "broken", "from", "yesterday",
                "q", "x".repeat(256), "after", "not-a-cursor"));
        assertEquals(List.of("q: must be at most 255 characters",
                "type: must be one of conversation-closed, call, referral-status-changed, case-acknowledged, "
                        + "contact-changed, contact-delivery, referral-send, sms-campaign, sms-delivery",
                "status: must be one of pending, processing, done, failed, skipped",
                "from: must be a time such as 2026-11-20T10:15 (UTC)"), query.problems());
        assertTrue(query.filter().type().isEmpty() && query.filter().status().isEmpty()
                && query.filter().receivedFrom().isEmpty() && query.filter().id().isEmpty());
        assertTrue(query.after().isEmpty(), "a hostile cursor starts at the first page");
        assertEquals("", query.queryString());
    }
}
