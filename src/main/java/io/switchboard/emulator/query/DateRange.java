package io.switchboard.emulator.query;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The days a SOQL date literal such as TODAY or LAST_N_DAYS:7 stands for, from {@code start} up to but not
 * including {@code endExclusive}, counted in UTC. Weeks start on Sunday, as in Salesforce's default locale.
 */
record DateRange(LocalDate start, LocalDate endExclusive) {
    private static final Set<String> WITH_COUNT = Set.of("LAST_N_DAYS", "NEXT_N_DAYS");

    /** Whether {@code name} is a literal that needs {@code :n} after it. */
    static boolean takesCount(String name) {
        return WITH_COUNT.contains(name.toUpperCase(Locale.ROOT));
    }

    /** The range a literal stands for today, or empty when {@code name} is not a supported date literal. */
    static Optional<DateRange> of(String name, int count, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate sunday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate firstOfMonth = today.withDayOfMonth(1);
        DateRange range = switch (name.toUpperCase(Locale.ROOT)) {
            case "TODAY" -> days(today, 1);
            case "YESTERDAY" -> days(today.minusDays(1), 1);
            case "TOMORROW" -> days(today.plusDays(1), 1);
            // Salesforce counts today in LAST_N_DAYS but starts NEXT_N_DAYS tomorrow.
            case "LAST_N_DAYS" -> new DateRange(today.minusDays(count), today.plusDays(1));
            case "NEXT_N_DAYS" -> days(today.plusDays(1), count);
            case "THIS_WEEK" -> days(sunday, 7);
            case "LAST_WEEK" -> days(sunday.minusWeeks(1), 7);
            case "THIS_MONTH" -> new DateRange(firstOfMonth, firstOfMonth.plusMonths(1));
            case "LAST_MONTH" -> new DateRange(firstOfMonth.minusMonths(1), firstOfMonth);
            default -> null;
        };
        return Optional.ofNullable(range);
    }

    private static DateRange days(LocalDate first, int count) {
        return new DateRange(first, first.plusDays(count));
    }
}
