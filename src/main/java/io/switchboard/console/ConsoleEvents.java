package io.switchboard.console;

import static io.switchboard.console.Html.of;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.HttpRequestParts;
import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import io.switchboard.store.EventAttempt;
import io.switchboard.store.EventCursor;
import io.switchboard.store.EventFilter;
import io.switchboard.store.EventPage;
import io.switchboard.store.EventStatus;
import io.switchboard.store.EventStore;
import io.switchboard.store.ReplayResult;
import io.switchboard.store.StoredEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/** The console's event pages: the counts and the filtered list, one event, and replaying failed events. */
public final class ConsoleEvents {
    static final int PAGE_SIZE = 50;
    /** Events replayed per read of the store when replaying all failed events of a filter. */
    private static final int REPLAY_BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventStore store;
    private final Function<CamelContext, Optional<String>> instanceUrl;

    /** instanceUrl: the org's address the records link into, once the connection has logged in. */
    public ConsoleEvents(EventStore store, Function<CamelContext, Optional<String>> instanceUrl) {
        this.store = store;
        this.instanceUrl = instanceUrl;
    }

    /** {@code GET /console}: counts by type and status, the filter, and a page of the events it matches. */
    public void list(Exchange exchange) {
        ConsoleSessions.Session session = ConsoleExchange.session(exchange);
        EventsQuery query = EventsQuery.read(name -> HttpRequestParts.query(exchange, name));
        EventPage page = store.page(query.filter(), query.after(), PAGE_SIZE);
        List<Html> parts = new ArrayList<>();
        query.problems().forEach(problem -> parts.add(Layout.message("error", problem)));
        parts.add(counts());
        parts.add(filterForm(query));
        parts.add(eventTable(page.events()));
        String filterQuery = query.queryString();
        page.next().ifPresent(next -> parts.add(of("<p><a class=\"next\" href=\"/console?{}\">Older events</a></p>",
                (filterQuery.isEmpty() ? "" : filterQuery + "&") + "after=" + encode(next.token()))));
        if (query.after().isPresent()) {
            parts.add(of("<p><a href=\"/console?{}\">Newest events</a></p>", filterQuery));
        }
        if (query.filter().status().map(status -> status == EventStatus.FAILED).orElse(true)) {
            parts.add(of("<p><a class=\"replay-all\" href=\"/console/replay-failed?{}\">Replay all failed events of "
                    + "this filter…</a></p>", filterQuery));
        }
        ConsoleExchange.page(exchange, 200, Layout.page("Events", session, Html.join(parts)));
    }

    /** {@code GET /console/events/{eventId}}: the event, its payload, its outcome, and replay when it failed. */
    public void show(Exchange exchange) {
        ConsoleSessions.Session session = ConsoleExchange.session(exchange);
        String id = HttpRequestParts.path(exchange, "eventId");
        StoredEvent event = store.find(id).orElseThrow(ConsoleEvents::notFound);
        String payload = store.payload(id).map(ConsoleEvents::pretty).orElse("");
        List<Html> parts = new ArrayList<>();
        if ("1".equals(HttpRequestParts.query(exchange, "replayed").orElse(null))) {
            parts.add(Layout.message("notice", "Replayed: the event is pending again."));
        }
        parts.add(of("""
                <table class="facts">
                <tr><th>Event id</th><td id="event-id">{}</td></tr>
                <tr><th>Type</th><td>{}</td></tr>
                <tr><th>Source</th><td>{}</td></tr>
                <tr><th>Status</th><td><span id="event-status" class="status {}">{}</span></td></tr>
                <tr><th>Attempts</th><td>{}</td></tr>
                <tr><th>Received</th><td>{}</td></tr>
                <tr><th>Last change</th><td>{}</td></tr>
                {}</table>
                """, event.id(), event.type().path(), event.source(), event.status().label(), event.status().label(),
                event.attempts(), event.receivedAt(), event.updatedAt(), event.status() == EventStatus.PENDING
                        ? of("<tr><th>Next attempt</th><td>{}</td></tr>", event.nextAttemptAt()) : Html.empty()));
        if (event.error() != null) {
            parts.add(of("<h2>{}</h2><p class=\"error\"><code>{}</code> {}</p>",
                    event.status() == EventStatus.SKIPPED ? "Why it was skipped" : "Last error",
                    event.error().code(), event.error().message()));
        }
        parts.add(of("<h2>Attempts</h2>{}", attempts(store.attempts(id))));
        if (event.status() == EventStatus.FAILED || event.status() == EventStatus.SKIPPED) {
            parts.add(of("""
                    <form method="post" action="/console/events/{}/replay">{}<button id="replay">Replay</button></form>
                    """, encode(event.id()), Layout.csrfField(session)));
        }
        if (!event.warnings().isEmpty()) {
            parts.add(of("<h2>Warnings</h2><ul class=\"warnings\">{}</ul>",
                    Html.join(event.warnings().stream().map(warning -> of("<li>{}</li>", warning)).toList())));
        }
        parts.add(of("<h2>Records in Salesforce</h2>{}", records(event.records(), exchange.getContext())));
        parts.add(of("<h2>Payload</h2><pre class=\"payload\">{}</pre>", payload));
        ConsoleExchange.page(exchange, 200, Layout.page("Event", session, Html.join(parts)));
    }

    /**
     * The event's attempts as they ended, oldest first. An attempt cut short (the engine stopped, or another node took
     * the event over) left no outcome, so the table can hold fewer rows than the count of attempts says.
     */
    private static Html attempts(List<EventAttempt> attempts) {
        if (attempts.isEmpty()) {
            return of("<p>None ended yet.</p>");
        }
        List<Html> rows = attempts.stream().map(attempt -> of(
                "<tr><td>{}</td><td>{}</td><td class=\"status {}\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                attempt.attempt(), attempt.endedAt(), attempt.outcome(), attempt.outcome(),
                attempt.node() == null ? "" : attempt.node(), attempt.error() == null ? "" : attempt.error().code(),
                attempt.error() == null ? "" : attempt.error().message())).toList();
        return of("<table class=\"attempts\"><tr><th>attempt</th><th>ended</th><th>outcome</th><th>node</th>"
                + "<th>error</th><th>message</th></tr>{}</table>", Html.join(rows));
    }

    /** {@code POST /console/events/{eventId}/replay}: back to the event's page, now pending. */
    public void replay(Exchange exchange) {
        String id = HttpRequestParts.path(exchange, "eventId");
        ReplayResult result = store.replay(id);
        switch (result) {
            case REQUEUED -> ConsoleExchange.redirect(exchange, "/console/events/" + encode(id) + "?replayed=1");
            case NOT_FOUND -> throw notFound();
            case NOT_REPLAYABLE -> throw new ConsoleRefusal(409, "Only failed or skipped events can be replayed; this "
                    + "one is " + store.find(id).map(event -> event.status().label()).orElse("gone") + ".");
        }
    }

    /** {@code GET /console/replay-failed?...}: how many failed events the filter matches, and the form to replay them. */
    public void confirmReplayFailed(Exchange exchange) {
        ConsoleSessions.Session session = ConsoleExchange.session(exchange);
        EventsQuery query = EventsQuery.read(name -> HttpRequestParts.query(exchange, name));
        long failed = store.count(query.filter().withStatus(EventStatus.FAILED));
        List<Html> hidden = new ArrayList<>();
        query.values().forEach((name, value) -> {
            if (!name.equals("status")) {
                hidden.add(of("<input type=\"hidden\" name=\"{}\" value=\"{}\">", name, value));
            }
        });
        Html body = failed == 0 ? of("<p>No failed event matches this filter. <a href=\"/console?{}\">Back</a></p>",
                query.queryString())
                : of("""
                <p>Replay <strong id="failed-count">{}</strong> failed event(s) of this filter? Each goes back to
                pending and is processed again.</p>
                <form method="post" action="/console/replay-failed">{}{}<input type="hidden" name="count" value="{}">
                <button id="confirm-replay">Replay {} event(s)</button> <a href="/console?{}">Cancel</a></form>
                """, failed, Layout.csrfField(session), Html.join(hidden), failed, failed, query.queryString());
        ConsoleExchange.page(exchange, 200, Layout.page("Replay failed events", session, body));
    }

    /** {@code POST /console/replay-failed}: every failed event of the filter, each visited once, back to pending. */
    public void replayFailed(Exchange exchange) {
        ConsoleSessions.Session session = ConsoleExchange.session(exchange);
        Map<String, String> form = ConsoleAuth.checkedForm(exchange);
        EventsQuery query = EventsQuery.read(name -> Optional.ofNullable(form.get(name)));
        if (!query.problems().isEmpty()) {
            throw new ConsoleRefusal(400, String.join("; ", query.problems()));
        }
        EventFilter failedOnly = query.filter().withStatus(EventStatus.FAILED);
        int replayed = 0;
        Optional<EventCursor> after = Optional.empty();
        // walked by cursor, so an event that fails again while this runs is not replayed twice
        for (List<EventCursor> batch = store.cursors(failedOnly, after, REPLAY_BATCH); !batch.isEmpty();
             batch = store.cursors(failedOnly, after, REPLAY_BATCH)) {
            for (EventCursor event : batch) {
                if (store.replay(event.id()) == ReplayResult.REQUEUED) {
                    replayed++;
                }
            }
            after = Optional.of(batch.get(batch.size() - 1));
        }
        ConsoleExchange.page(exchange, 200, Layout.page("Replay failed events", session, of(
                "<p class=\"notice\" id=\"replayed-count\">{} event(s) replayed.</p><p><a href=\"/console?status=pending\">"
                        + "See the pending events</a></p>", replayed)));
    }

    private Html counts() {
        Map<EventType, Map<EventStatus, Long>> counts = store.countsByTypeAndStatus();
        List<Html> rows = new ArrayList<>();
        for (EventType type : EventType.values()) {
            Map<EventStatus, Long> byStatus = counts.getOrDefault(type, Map.of());
            List<Html> cells = new ArrayList<>();
            for (EventStatus status : EventStatus.values()) {
                long count = byStatus.getOrDefault(status, 0L);
                cells.add(count == 0 ? Html.markup("<td>0</td>") : of("<td><a href=\"/console?type={}&status={}\">{}</a></td>",
                        type.path(), status.label(), count));
            }
            rows.add(of("<tr><th><a href=\"/console?type={}\">{}</a></th>{}</tr>", type.path(), type.path(), Html.join(cells)));
        }
        List<Html> headings = new ArrayList<>();
        for (EventStatus status : EventStatus.values()) {
            headings.add(of("<th>{}</th>", status.label()));
        }
        return of("<table class=\"counts\"><tr><th>type</th>{}</tr>{}</table>", Html.join(headings), Html.join(rows));
    }

    private static Html filterForm(EventsQuery query) {
        List<Html> types = new ArrayList<>();
        types.add(Html.markup("<option value=\"\">any type</option>"));
        for (EventType type : EventType.values()) {
            types.add(option(type.path(), query.value("type")));
        }
        List<Html> statuses = new ArrayList<>();
        statuses.add(Html.markup("<option value=\"\">any status</option>"));
        for (EventStatus status : EventStatus.values()) {
            statuses.add(option(status.label(), query.value("status")));
        }
        return of("""
                <form method="get" action="/console" class="filter">
                <select name="type">{}</select> <select name="status">{}</select>
                <input name="source" placeholder="source" value="{}">
                <label>from <input type="datetime-local" name="from" value="{}"></label>
                <label>to <input type="datetime-local" name="to" value="{}"></label>
                <input name="q" size="30" placeholder="event, conversation, call, referral or record id" value="{}">
                <button>Filter</button> <a href="/console">Clear</a></form>
                """, Html.join(types), Html.join(statuses), query.value("source"), query.value("from"), query.value("to"),
                query.value("q"));
    }

    private static Html option(String value, String selected) {
        return of("<option{}>{}</option>", value.equals(selected) ? Html.markup(" selected") : Html.empty(), value);
    }

    private static Html eventTable(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return Html.markup("<p>No event matches.</p>");
        }
        List<Html> rows = new ArrayList<>();
        for (StoredEvent event : events) {
            rows.add(of("<tr><td>{}</td><td>{}</td><td>{}</td><td><span class=\"status {}\">{}</span></td><td>{}</td>"
                            + "<td><a class=\"event\" href=\"/console/events/{}\">{}</a></td><td>{}</td></tr>",
                    event.receivedAt(), event.type().path(), event.source(), event.status().label(), event.status().label(),
                    event.attempts(), encode(event.id()), event.id(), event.error() == null ? "" : event.error().code()));
        }
        return of("<table class=\"events\"><tr><th>received (UTC)</th><th>type</th><th>source</th><th>status</th>"
                + "<th>attempts</th><th>event</th><th>error</th></tr>{}</table>", Html.join(rows));
    }

    private Html records(List<ProducedRecord> records, CamelContext context) {
        if (records.isEmpty()) {
            return Html.markup("<p>None.</p>");
        }
        Optional<String> instance = instanceUrl.apply(context).filter(url -> url.startsWith("https://") || url.startsWith("http://"));
        List<Html> rows = new ArrayList<>();
        for (ProducedRecord record : records) {
            Html id = instance.map(url -> of("<a class=\"record\" href=\"{}/lightning/r/{}/{}/view\">{}</a>",
                    url.replaceAll("/+$", ""), encode(record.sobject()), encode(record.id()), record.id()))
                    .orElse(Html.text(record.id()));
            rows.add(of("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", record.action(), record.sobject(), id));
        }
        return of("<table class=\"records\"><tr><th>action</th><th>object</th><th>id</th></tr>{}</table>",
                Html.join(rows));
    }

    private static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ConsoleRefusal notFound() {
        return new ConsoleRefusal(404, "No event has this id.");
    }
}
