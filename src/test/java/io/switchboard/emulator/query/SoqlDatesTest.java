package io.switchboard.emulator.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Date and datetime filters; "now" is {@link TestOrg#NOW}, Wednesday 2026-11-18 12:00 UTC. */
class SoqlDatesTest {
    private static final LocalDate TODAY = LocalDate.ofInstant(TestOrg.NOW, ZoneOffset.UTC);

    private InMemoryRecords records;
    private QueryService service;

    @BeforeEach
    void seed() {
        records = new InMemoryRecords(TestOrg.schema());
        service = new QueryService(records, TestOrg.CLOCK);
        birthday("today", TODAY);
        birthday("yesterday", TODAY.minusDays(1));
        birthday("tomorrow", TODAY.plusDays(1));
        birthday("sunday", TODAY.minusDays(3));
        birthday("last saturday", TODAY.minusDays(4));
        birthday("first of month", TODAY.withDayOfMonth(1));
        birthday("last month", TODAY.minusMonths(1));
        birthday("ten days ago", TODAY.minusDays(10));
        records.insert("Contact", "LastName", "no birthday");
    }

    private void birthday(String name, LocalDate date) {
        records.insert("Contact", "LastName", name, "Birthdate", date.toString(),
                "LastModifiedDate", date + "T23:30:00.000+0000");
    }

    private List<String> names(String where) {
        JsonNode answer = service.query("SELECT LastName FROM Contact WHERE " + where, 2000, TestOrg.VERSION);
        List<String> names = new ArrayList<>();
        answer.get("records").forEach(record -> names.add(record.get("LastName").asText()));
        return names;
    }

    @Test
    void shouldCompareADateFieldWithADateLiteral() {
        assertEquals(List.of("today"), names("Birthdate = " + TODAY));
        assertEquals(List.of("tomorrow"), names("Birthdate > " + TODAY));
    }

    @Test
    void shouldCompareADatetimeFieldWithADatetimeLiteralInAnyZoneSpelling() {
        assertEquals(List.of("today", "tomorrow"), names("LastModifiedDate > " + TODAY + "T23:29:59Z"));
        assertEquals(List.of("today"), names("LastModifiedDate = " + TODAY + "T23:30:00.000+0000"));
        assertEquals(List.of("today"), names("LastModifiedDate = " + TODAY.plusDays(1) + "T00:30:00+01:00"));
    }

    @Test
    void shouldIgnoreTheMillisecondsOfADatetimeLiteralAsSalesforceDoes() {
        assertEquals(List.of("today"), names("LastModifiedDate = " + TODAY + "T23:30:00.900Z"));
        assertEquals(List.of("tomorrow"), names("LastModifiedDate > " + TODAY + "T23:30:00.900Z"));
    }

    @Test
    void shouldMatchTodayYesterdayAndTomorrow() {
        assertEquals(List.of("today"), names("Birthdate = TODAY"));
        assertEquals(List.of("yesterday"), names("Birthdate = YESTERDAY"));
        assertEquals(List.of("tomorrow"), names("Birthdate = TOMORROW"));
    }

    @Test
    void shouldMatchDateLiteralsAgainstDatetimeFieldsByUtcDay() {
        assertEquals(List.of("today"), names("LastModifiedDate = TODAY"));
        assertEquals(List.of("yesterday"), names("LastModifiedDate = YESTERDAY"));
    }

    @Test
    void shouldCompareAgainstTheBoundsOfADateLiteral() {
        assertEquals(List.of("tomorrow"), names("Birthdate > TODAY"));
        assertEquals(List.of("today", "tomorrow"), names("Birthdate >= TODAY"));
        assertEquals(List.of("today", "yesterday", "sunday", "last saturday", "first of month", "last month",
                "ten days ago"), names("LastModifiedDate <= TODAY"));
        assertEquals(names("Birthdate < TODAY"), names("Birthdate <= YESTERDAY"));
    }

    @Test
    void shouldCountTodayInLastNDays() {
        assertEquals(List.of("today", "yesterday", "sunday", "last saturday"), names("Birthdate = LAST_N_DAYS:4"));
    }

    @Test
    void shouldStartNextNDaysTomorrow() {
        assertEquals(List.of("tomorrow"), names("Birthdate = NEXT_N_DAYS:2"));
    }

    @Test
    void shouldStartWeeksOnSunday() {
        assertEquals(List.of("today", "yesterday", "tomorrow", "sunday"), names("Birthdate = THIS_WEEK"));
        assertEquals(List.of("last saturday", "ten days ago"), names("Birthdate = LAST_WEEK"));
    }

    @Test
    void shouldMatchThisAndLastMonth() {
        assertEquals(List.of("last month"), names("Birthdate = LAST_MONTH"));
        assertEquals(List.of("today", "yesterday", "tomorrow", "sunday", "last saturday", "first of month",
                "ten days ago"), names("Birthdate = THIS_MONTH"));
    }

    @Test
    void shouldIncludeEmptyDatesInNotEqualToARange() {
        assertEquals(List.of("yesterday", "tomorrow", "sunday", "last saturday", "first of month", "last month",
                "ten days ago", "no birthday"), names("Birthdate != TODAY"));
    }

    @Test
    void shouldRefuseADateLiteralOnATextField() {
        Refusals.assertRefused(() -> names("LastName = TODAY"), "INVALID_FIELD",
                "value of filter criterion for field 'LastName' must be of type string and should be enclosed in quotes");
    }

    @Test
    void shouldRefuseADateForADatetimeField() {
        Refusals.assertRefused(() -> names("LastModifiedDate > " + TODAY), "INVALID_FIELD",
                "value of filter criterion for field 'LastModifiedDate' must be of type dateTime and should not be "
                        + "enclosed in quotes");
    }

    @Test
    void shouldRefuseAQuotedDate() {
        Refusals.assertRefused(() -> names("Birthdate = '" + TODAY + "'"), "INVALID_FIELD",
                "value of filter criterion for field 'Birthdate' must be of type date and should not be enclosed in quotes");
    }

    @Test
    void shouldRefuseLastNDaysWithoutItsNumber() {
        Refusals.assertRefused(() -> names("Birthdate = LAST_N_DAYS"), "MALFORMED_QUERY", "unexpected token: <EOF>");
    }

    @Test
    void shouldRefuseAnUnknownDateLiteral() {
        Refusals.assertRefused(() -> names("Birthdate = LAST_DECADE"), "MALFORMED_QUERY",
                "unexpected token: 'LAST_DECADE'");
    }
}
