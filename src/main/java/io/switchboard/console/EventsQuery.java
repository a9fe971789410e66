package io.switchboard.console;

import io.switchboard.events.EventType;
import io.switchboard.store.EventCursor;
import io.switchboard.store.EventFilter;
import io.switchboard.store.EventStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The events list's filter as the browser sends it (query string or form): {@code type}, {@code status},
 * {@code source}, {@code from} and {@code to} (times in UTC), {@code q} (an event id, the platform's id of the
 * conversation, call, referral or case, or a Salesforce record id), and {@code after}, where the page starts. A value
 * that is not one of these is named in {@link #problems()} and left out of the filter.
 */
record EventsQuery(Map<String, String> values, EventFilter filter, Optional<EventCursor> after, List<String> problems) {
    static final List<String> FIELDS = List.of("type", "status", "source", "from", "to", "q");
    private static final int LONGEST_VALUE = 255;

    static EventsQuery read(Function<String, Optional<String>> field) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : FIELDS) {
            field.apply(name).map(String::strip).filter(value -> !value.isEmpty()).ifPresent(value -> {
                if (value.length() > LONGEST_VALUE) {
                    problems.add(name + ": must be at most " + LONGEST_VALUE + " characters");
                } else {
                    values.put(name, value);
                }
            });
        }
        Optional<EventType> type = Optional.ofNullable(values.get("type")).flatMap(value -> known(
                EventType.fromPath(value), "type", "one of " + Arrays.stream(EventType.values()).map(EventType::path)
                        .collect(Collectors.joining(", ")), values, problems));
        Optional<EventStatus> status = Optional.ofNullable(values.get("status")).flatMap(value -> known(
                EventStatus.fromLabel(value), "status", "one of " + EventStatus.labels(), values, problems));
        Optional<Instant> from = time("from", values, problems);
        Optional<Instant> to = time("to", values, problems);
        EventFilter filter = new EventFilter(type, status, Optional.ofNullable(values.get("source")), from, to,
                Optional.ofNullable(values.get("q")));
        return new EventsQuery(values, filter, field.apply("after").flatMap(EventCursor::parse), problems);
    }

    /** The filter's part of a link: the values given, without the page cursor. */
    String queryString() {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    String value(String name) {
        return values.getOrDefault(name, "");
    }

    private static <T> Optional<T> known(Optional<T> parsed, String name, String expected, Map<String, String> values,
                                         List<String> problems) {
        if (parsed.isEmpty()) {
            problems.add(name + ": must be " + expected);
            values.remove(name);
        }
        return parsed;
    }

    /** A time as the browser's date-time field sends it (2026-11-20T10:15, taken as UTC), or an ISO instant. */
    private static Optional<Instant> time(String name, Map<String, String> values, List<String> problems) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.endsWith("Z") ? Instant.parse(value) : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            problems.add(name + ": must be a time such as 2026-11-20T10:15 (UTC)");
            values.remove(name);
            return Optional.empty();
        }
    }
}
