package io.switchboard.emulator.records;

import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.RecordSource;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.schema.SObjectSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replication resources {@code GET /sobjects/{Type}/updated/?start=&end=} and {@code .../deleted/}: which
 * records were created, changed or deleted between two instants, by their SystemModstamp, refused with Salesforce's
 * rules for the window. Seconds of start and end are ignored, as Salesforce ignores them; the window holds stamps
 * from start up to, not including, end.
 */
public final class ReplicationResource {
    /** How far back getUpdated reaches. */
    private static final Duration UPDATED_LOOKBACK = Duration.ofDays(30);
    private static final String SAMPLE_DATETIME = "2026-11-20T10:00:00+00:00";

    private final RecordSource records;
    private final Clock clock;
    private final OrgSettings settings;

    /** A checked request window, both ends cut to the minute. */
    private record Window(Instant start, Instant end) {
        boolean holds(Instant stamp) {
            return !stamp.isBefore(start) && stamp.isBefore(end);
        }
    }

    public ReplicationResource(RecordSource records, Clock clock, OrgSettings settings) {
        this.records = records;
        this.clock = clock;
        this.settings = settings;
    }

    /** {@code {"ids":[...],"latestDateCovered"}}: live records whose SystemModstamp falls in the window. */
    Map<String, Object> updated(SObjectSchema object, ApiRequest request) {
        Window window = window(request, UPDATED_LOOKBACK);
        List<String> ids = inWindow(records.records(object.name()), window).stream()
                .map(record -> (String) record.get("Id")).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ids", ids);
        answer.put("latestDateCovered", latestDateCovered(window));
        return answer;
    }

    /**
     * {@code {"deletedRecords":[{"id","deletedDate"}],"earliestDateAvailable","latestDateCovered"}}: records in the
     * recycle bin deleted within the window. The bin keeps 15 days, so that is as far back as the call reaches, and
     * the earliest date still available is where the bin's purge has reached.
     */
    Map<String, Object> deleted(SObjectSchema object, ApiRequest request) {
        Window window = window(request, RecordStore.RECYCLE_BIN_RETENTION);
        List<Map<String, Object>> deleted = inWindow(records.allRows(object.name()).stream()
                .filter(record -> Boolean.TRUE.equals(record.get("IsDeleted"))).toList(), window).stream()
                .map(record -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", record.get("Id"));
                    entry.put("deletedDate", record.get("SystemModstamp"));
                    return entry;
                }).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("deletedRecords", deleted);
        answer.put("earliestDateAvailable",
                Timestamps.format(minute(clock.instant().minus(RecordStore.RECYCLE_BIN_RETENTION))));
        answer.put("latestDateCovered", latestDateCovered(window));
        return answer;
    }

    private List<Map<String, Object>> inWindow(List<Map<String, Object>> candidates, Window window) {
        List<Map<String, Object>> found = candidates.stream().filter(record -> window.holds(stamp(record)))
                .sorted(Comparator.comparing(ReplicationResource::stamp)
                        .thenComparing(record -> (String) record.get("Id")))
                .toList();
        int limit = settings.replicationIdLimit();
        if (found.size() > limit) {
            // The code is documented; the wording is this emulator's, not confirmed against a real org.
            throw new SalesforceError(400, "EXCEEDED_ID_LIMIT", "More than " + limit + " ids match between start"
                    + " and end: choose start and end dates that are closer together");
        }
        return found;
    }

    /**
     * Nothing later than the last whole minute of org time can be vouched for, so an end in the future is covered
     * only up to now; the next call should start from this instant.
     */
    private String latestDateCovered(Window window) {
        Instant now = minute(clock.instant());
        return Timestamps.format(window.end().isAfter(now) ? now : window.end());
    }

    private Window window(ApiRequest request, Duration lookback) {
        Instant start = minute(instant(request, "start"));
        Instant end = minute(instant(request, "end"));
        if (end.isBefore(start.plus(Duration.ofMinutes(1)))) {
            // Salesforce's own wording, start and end swapped as it words it (observed in restforce issue 667).
            throw replicationDate("startDate must be at least one minute greater than endDate");
        }
        if (start.isBefore(minute(clock.instant().minus(lookback)))) {
            // The limit is documented; the wording is this emulator's, not confirmed against a real org.
            throw replicationDate("startDate cannot be more than " + lookback.toDays() + " days ago");
        }
        return new Window(start, end);
    }

    /** An ISO 8601 datetime (no offset meaning UTC), or a date meaning its midnight in UTC. */
    private static Instant instant(ApiRequest request, String parameter) {
        String value = request.query().get(parameter);
        if (value == null || value.isBlank()) {
            // The code and wording are this emulator's, not confirmed against a real org.
            throw new SalesforceError(400, "MISSING_ARGUMENT", "The " + parameter + " parameter is required: an"
                    + " ISO 8601 date and time such as " + SAMPLE_DATETIME);
        }
        Optional<Instant> parsed = Timestamps.parseDateTime(value)
                .or(() -> Timestamps.parseDate(value).map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant()));
        // The code is the one Salesforce gives bad replication dates; the wording is this emulator's.
        return parsed.orElseThrow(() -> replicationDate("The " + parameter + " parameter must be an ISO 8601 date"
                + " and time such as " + SAMPLE_DATETIME + ", URL-encoded; was: " + value));
    }

    private static SalesforceError replicationDate(String message) {
        return new SalesforceError(400, "INVALID_REPLICATION_DATE", message);
    }

    private static Instant stamp(Map<String, Object> record) {
        return Timestamps.parseDateTime((String) record.get("SystemModstamp")).orElseThrow();
    }

    private static Instant minute(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }
}
