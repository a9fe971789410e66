package io.switchboard.emulator.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the date and datetime spellings that Salesforce stores and that SOQL literals use. */
final class Temporals {
    /** A compact offset such as {@code +0000}, which Salesforce writes and java.time does not read. */
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private Temporals() {
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /**
     * {@code 2026-11-20T10:01:07Z}, {@code ...+01:00} or {@code ...07.000+0000} as an instant in whole seconds:
     * Salesforce ignores milliseconds when it compares datetimes, so {@code 10:01:07.900Z} equals a stamp of 10:01:07.
     */
    static Instant dateTime(String text) {
        Matcher compact = COMPACT_OFFSET.matcher(text);
        String iso = compact.find() ? compact.replaceFirst("$1:$2") : text;
        return OffsetDateTime.parse(iso).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }
}
