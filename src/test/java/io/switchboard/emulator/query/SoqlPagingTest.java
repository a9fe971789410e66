package io.switchboard.emulator.query;

import io.switchboard.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Results larger than a batch, paged through nextRecordsUrl and query cursors. */
class SoqlPagingTest {
    private static final String LOCATOR = "/services/data/v60\\.0/query/(01g[0-9A-Za-z]{15}-\\d+)";

    private final MutableClock clock = new MutableClock(TestOrg.NOW);
    private InMemoryRecords records;
    private QueryService service;

    @BeforeEach
    void seed() {
        records = new InMemoryRecords(TestOrg.schema());
        service = new QueryService(records, clock);
        for (int i = 0; i < 450; i++) {
            records.insert("Lead", "LastName", "Lead " + i, "Company", "Co");
        }
    }

    @Test
    void shouldPageALargeResultOverThreePagesWithNextRecordsUrl() {
        JsonNode first = service.query("SELECT LastName FROM Lead", 200, "60.0");
        assertEquals(450, first.get("totalSize").asInt());
        assertFalse(first.get("done").asBoolean());
        assertEquals(200, first.get("records").size());
        String firstUrl = first.get("nextRecordsUrl").asText();
        assertTrue(firstUrl.matches(LOCATOR), firstUrl);
        assertTrue(firstUrl.endsWith("-200"), firstUrl);

        JsonNode second = service.queryMore(locator(firstUrl), "60.0");
        assertEquals(450, second.get("totalSize").asInt());
        assertFalse(second.get("done").asBoolean());
        assertEquals("Lead 200", second.get("records").get(0).get("LastName").asText());
        String secondUrl = second.get("nextRecordsUrl").asText();
        assertTrue(secondUrl.endsWith("-400"), secondUrl);

        JsonNode third = service.queryMore(locator(secondUrl), "60.0");
        assertTrue(third.get("done").asBoolean());
        assertFalse(third.has("nextRecordsUrl"));
        assertEquals(50, third.get("records").size());
        assertEquals("Lead 449", third.get("records").get(49).get("LastName").asText());
    }

    @Test
    void shouldDeliverEveryRecordExactlyOnceAcrossPages() {
        List<String> seen = new ArrayList<>();
        JsonNode page = service.query("SELECT LastName FROM Lead", 200, "60.0");
        page.get("records").forEach(r -> seen.add(r.get("LastName").asText()));
        while (page.has("nextRecordsUrl")) {
            page = service.queryMore(locator(page.get("nextRecordsUrl").asText()), "60.0");
            page.get("records").forEach(r -> seen.add(r.get("LastName").asText()));
        }
        assertEquals(450, seen.size());
        assertEquals(450, seen.stream().distinct().count());
    }

    @Test
    void shouldAnswerEverythingInOnePageWhenItFitsTheDefaultBatch() {
        JsonNode answer = service.query("SELECT LastName FROM Lead", 2000, "60.0");

        assertTrue(answer.get("done").asBoolean());
        assertEquals(450, answer.get("records").size());
    }

    @Test
    void shouldRaiseABatchSizeBelowTwoHundredToTwoHundred() {
        JsonNode answer = service.query("SELECT LastName FROM Lead", 10, "60.0");

        assertEquals(200, answer.get("records").size());
    }

    @Test
    void shouldUseTheDefaultBatchWhenNoneIsGiven() {
        JsonNode answer = service.query("SELECT LastName FROM Lead", 0, "60.0");

        assertTrue(answer.get("done").asBoolean());
        assertEquals(450, answer.get("records").size());
    }

    @Test
    void shouldLowerABatchSizeAboveTwoThousandToTwoThousand() {
        for (int i = 0; i < 1600; i++) {
            records.insert("Lead", "LastName", "More " + i, "Company", "Co");
        }

        JsonNode answer = service.query("SELECT LastName FROM Lead", 5000, "60.0");

        assertEquals(2050, answer.get("totalSize").asInt());
        assertEquals(2000, answer.get("records").size());
        assertTrue(answer.get("nextRecordsUrl").asText().endsWith("-2000"));
    }

    @Test
    void shouldKeepTheCursorsSnapshotWhenRecordsChangeAfterwards() {
        JsonNode first = service.query("SELECT LastName FROM Lead", 200, "60.0");
        String lastId = records.records("Lead").get(449).get("Id").toString();
        records.update(lastId, "LastName", "Renamed");
        records.insert("Lead", "LastName", "Added later", "Company", "Co");

        JsonNode second = service.queryMore(locator(first.get("nextRecordsUrl").asText()), "60.0");
        JsonNode third = service.queryMore(locator(second.get("nextRecordsUrl").asText()), "60.0");

        assertEquals(450, third.get("totalSize").asInt());
        assertEquals("Lead 449", third.get("records").get(49).get("LastName").asText());
    }

    @Test
    void shouldAllowAPageToBeFetchedAgain() {
        JsonNode first = service.query("SELECT LastName FROM Lead", 200, "60.0");
        String locator = locator(first.get("nextRecordsUrl").asText());

        assertEquals(service.queryMore(locator, "60.0"), service.queryMore(locator, "60.0"));
    }

    @Test
    void shouldRefuseAnUnknownLocator() {
        Refusals.assertRefused(() -> service.queryMore("01gAAAAAAAAAAAAAAA-200", "60.0"),
                "INVALID_QUERY_LOCATOR", "invalid query locator");
    }

    @Test
    void shouldRefuseAMalformedLocator() {
        Refusals.assertRefused(() -> service.queryMore("not-a-locator", "60.0"),
                "INVALID_QUERY_LOCATOR", "invalid query locator");
    }

    @Test
    void shouldRefuseALocatorPastTheEndOfItsResult() {
        JsonNode first = service.query("SELECT LastName FROM Lead", 200, "60.0");
        String cursor = locator(first.get("nextRecordsUrl").asText()).split("-")[0];

        Refusals.assertRefused(() -> service.queryMore(cursor + "-450", "60.0"),
                "INVALID_QUERY_LOCATOR", "invalid query locator");
    }

    @Test
    void shouldExpireACursorAfterFifteenIdleMinutes() {
        JsonNode first = service.query("SELECT LastName FROM Lead", 200, "60.0");
        clock.advance(Duration.ofMinutes(16));

        Refusals.assertRefused(() -> service.queryMore(locator(first.get("nextRecordsUrl").asText()), "60.0"),
                "INVALID_QUERY_LOCATOR", "invalid query locator");
    }

    @Test
    void shouldCloseTheLeastRecentlyUsedCursorBeyondTen() {
        String oldest = locator(service.query("SELECT LastName FROM Lead", 200, "60.0")
                .get("nextRecordsUrl").asText());
        for (int i = 0; i < QueryCursors.MAX_OPEN; i++) {
            service.query("SELECT LastName FROM Lead", 200, "60.0");
        }

        Refusals.assertRefused(() -> service.queryMore(oldest, "60.0"),
                "INVALID_QUERY_LOCATOR", "invalid query locator");
    }

    private static String locator(String nextRecordsUrl) {
        return nextRecordsUrl.replaceFirst(LOCATOR, "$1");
    }
}
