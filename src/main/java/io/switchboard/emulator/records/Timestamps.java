package io.switchboard.emulator.records;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes dates and datetimes the way Salesforce's REST API spells them. */
public final class Timestamps {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern ISO_DATETIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Timestamps() {
    }

    /**
     * {@code 2026-11-20T10:01:07.000+0000}: always UTC, in whole seconds. Salesforce writes the milliseconds but never
     * stores them, so every write within one second shares its timestamp and the digits always read 000.
     */
    public static String format(Instant instant) {
        return DATETIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** A datetime with or without fraction and offset (no offset means UTC, as Salesforce reads it). */
    public static Optional<Instant> parseDateTime(String text) {
        Matcher matcher = ISO_DATETIME.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.parse(matcher.group(1));
            String zone = matcher.group(2);
            ZoneOffset offset = zone == null ? ZoneOffset.UTC : ZoneOffset.of(normaliseOffset(zone));
            return Optional.of(OffsetDateTime.of(local, offset).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalDate> parseDate(String text) {
        if (!ISO_DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String normaliseOffset(String zone) {
        if (zone.equals("Z") || zone.contains(":")) {
            return zone;
        }
        return zone.substring(0, 3) + ":" + zone.substring(3);
    }
}
