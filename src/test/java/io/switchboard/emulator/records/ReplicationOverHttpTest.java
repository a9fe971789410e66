package io.switchboard.emulator.records;

import static io.switchboard.emulator.EmulatorClient.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /sobjects/{Type}/updated} and {@code /sobjects/{Type}/deleted} over HTTP, with the org's clock frozen years
 * after the seeded records were stamped, so that only what each test writes falls in its windows.
 */
class ReplicationOverHttpTest extends EmulatorFixture {
    private static final Instant T0 = Instant.parse("2030-03-15T10:00:00Z");
    private static final String BASE = "/services/data/v60.0/sobjects/Contact/";

    @BeforeEach
    void freezeTheClock() {
        emulator.admin().setClock(T0, true);
    }

    private void at(String time) {
        Instant target = Instant.parse("2030-03-15T" + time + "Z");
        emulator.admin().advanceClock(Duration.between(emulator.admin().clockNow(), target));
    }

    private String contact(String lastName) {
        Answer answer = client.post("/sobjects/Contact", json("{'LastName':'" + lastName + "'}"));
        assertEquals(201, answer.status(), answer.response().body());
        return answer.json().get("id").asText();
    }

    private Answer call(String resource, String start, String end) {
        StringBuilder path = new StringBuilder("/sobjects/Contact/" + resource + "/?");
        if (start != null) {
            path.append("start=").append(encode(start));
        }
        if (end != null) {
            path.append(start != null ? "&" : "").append("end=").append(encode(end));
        }
        return client.get(path.toString());
    }

    private void assertAnswer(Answer answer, int status, String singleQuotedJson) {
        assertEquals(status, answer.status(), answer.response().body());
        assertEquals(json(singleQuotedJson), answer.json().toString());
    }

    private void assertRefused(Answer answer, String code, String message) {
        assertAnswer(answer, 400, "[{'message':'" + message + "','errorCode':'" + code + "','fields':[]}]");
    }

    @Test
    void shouldListTheRecordsCreatedOrChangedInTheWindowOrderedByTheirStamp() {
        String first = contact("First");
        at("10:02:00");
        String second = contact("Second");
        at("10:04:00");
        assertEquals(204, client.patch("/sobjects/Contact/" + first, json("{'Title':'Changed'}")).status());
        at("10:06:20");

        assertAnswer(call("updated", "2030-03-15T10:00:00+00:00", "2030-03-15T10:04:00+00:00"), 200,
                "{'ids':['" + second + "'],'latestDateCovered':'2030-03-15T10:04:00.000+0000'}");
        assertAnswer(call("updated", "2030-03-15T10:00:00Z", "2030-03-15T10:05:00Z"), 200,
                "{'ids':['" + second + "','" + first + "'],'latestDateCovered':'2030-03-15T10:05:00.000+0000'}");
    }

    @Test
    void shouldIgnoreTheSecondsOfStartAndEnd() {
        at("10:02:30");
        String id = contact("Inside");

        assertAnswer(call("updated", "2030-03-15T10:02:59Z", "2030-03-15T10:03:59Z"), 200,
                "{'ids':['" + id + "'],'latestDateCovered':'2030-03-15T10:02:00.000+0000'}");
    }

    @Test
    void shouldCoverAWindowEndingInTheFutureOnlyUpToTheLastWholeMinute() {
        at("10:07:45");
        String id = contact("Recent");

        assertAnswer(call("updated", "2030-03-15T10:00:00Z", "2030-03-15T11:00:00Z"), 200,
                "{'ids':['" + id + "'],'latestDateCovered':'2030-03-15T10:07:00.000+0000'}");
    }

    @Test
    void shouldReadOffsetsAndBareDatesAsUtc() {
        String id = contact("Zoned");
        at("10:30:00");

        assertAnswer(call("updated", "2030-03-15T10:59:00+01:00", "2030-03-15T11:01:00+01:00"), 200,
                "{'ids':['" + id + "'],'latestDateCovered':'2030-03-15T10:01:00.000+0000'}");
        assertAnswer(call("updated", "2030-03-15", "2030-03-16"), 200,
                "{'ids':['" + id + "'],'latestDateCovered':'2030-03-15T10:30:00.000+0000'}");
    }

    @Test
    void shouldListDeletedRecordsWithTheirDeletedDateAndLeaveThemOutOfUpdated() {
        String kept = contact("Kept");
        String binned = contact("Binned");
        at("10:01:15");
        assertEquals(204, client.delete("/sobjects/Contact/" + binned).status());
        at("10:10:00");

        assertAnswer(call("deleted", "2030-03-15T10:00:00Z", "2030-03-15T10:05:00Z"), 200,
                "{'deletedRecords':[{'id':'" + binned + "','deletedDate':'2030-03-15T10:01:15.000+0000'}],"
                        + "'earliestDateAvailable':'2030-02-28T10:10:00.000+0000',"
                        + "'latestDateCovered':'2030-03-15T10:05:00.000+0000'}");
        assertAnswer(call("updated", "2030-03-15T10:00:00Z", "2030-03-15T10:05:00Z"), 200,
                "{'ids':['" + kept + "'],'latestDateCovered':'2030-03-15T10:05:00.000+0000'}");
    }

    @Test
    void shouldRefuseAMissingStartOrEnd() {
        assertRefused(call("updated", null, "2030-03-15T10:05:00Z"), "MISSING_ARGUMENT",
                "The start parameter is required: an ISO 8601 date and time such as 2026-11-20T10:00:00+00:00");
        assertRefused(call("deleted", "2030-03-15T10:00:00Z", null), "MISSING_ARGUMENT",
                "The end parameter is required: an ISO 8601 date and time such as 2026-11-20T10:00:00+00:00");
    }

    @Test
    void shouldRefuseAStartOrEndThatIsNoDate() {
        assertRefused(call("updated", "yesterday", "2030-03-15T10:05:00Z"), "INVALID_REPLICATION_DATE",
                "The start parameter must be an ISO 8601 date and time such as 2026-11-20T10:00:00+00:00,"
                        + " URL-encoded; was: yesterday");
        // an unencoded + arrives as a space
        Answer unencoded = client.get("/sobjects/Contact/deleted/?start=2030-03-15T10:00:00Z"
                + "&end=2030-03-15T10:05:00+00:00");
        assertRefused(unencoded, "INVALID_REPLICATION_DATE", "The end parameter must be an ISO 8601 date and time"
                + " such as 2026-11-20T10:00:00+00:00, URL-encoded; was: 2030-03-15T10:05:00 00:00");
    }

    @Test
    void shouldRefuseAWindowShorterThanAMinuteOrBackwards() {
        String message = "startDate must be at least one minute greater than endDate";
        assertRefused(call("updated", "2030-03-15T10:05:00Z", "2030-03-15T10:00:00Z"), "INVALID_REPLICATION_DATE",
                message);
        assertRefused(call("updated", "2030-03-15T10:00:10Z", "2030-03-15T10:00:50Z"), "INVALID_REPLICATION_DATE",
                message);
        assertRefused(call("deleted", "2030-03-15T10:00:00Z", "2030-03-15T10:00:00Z"), "INVALID_REPLICATION_DATE",
                message);
    }

    @Test
    void shouldReachBackThirtyDaysForUpdatesAndFifteenForDeletes() {
        assertEquals(200, call("updated", "2030-02-13T10:00:00Z", "2030-02-14T10:00:00Z").status());
        assertRefused(call("updated", "2030-02-13T09:59:00Z", "2030-02-14T10:00:00Z"), "INVALID_REPLICATION_DATE",
                "startDate cannot be more than 30 days ago");
        assertEquals(200, call("deleted", "2030-02-28T10:00:00Z", "2030-03-01T10:00:00Z").status());
        assertRefused(call("deleted", "2030-02-28T09:59:00Z", "2030-03-01T10:00:00Z"), "INVALID_REPLICATION_DATE",
                "startDate cannot be more than 15 days ago");
    }

    @Test
    void shouldRefuseMoreIdsThanTheLimit() {
        Answer lowered = client.raw("POST", "/__admin/settings", json("{'replicationIdLimit':2}"), null);
        assertEquals(204, lowered.status());
        contact("One");
        contact("Two");
        assertEquals(2, call("updated", "2030-03-15T10:00:00Z", "2030-03-15T10:01:00Z").json().get("ids").size());
        contact("Three");

        assertRefused(call("updated", "2030-03-15T10:00:00Z", "2030-03-15T10:01:00Z"), "EXCEEDED_ID_LIMIT",
                "More than 2 ids match between start and end: choose start and end dates that are closer together");
    }

    @Test
    void shouldCountEachCallAsOneApiRequest() {
        emulator.admin().clearRequests();
        long before = apiUsage(client.get("/limits"));

        Answer updated = call("updated", "2030-03-15T09:00:00Z", "2030-03-15T10:00:00Z");
        Answer deleted = call("deleted", "2030-03-15T09:00:00Z", "2030-03-15T10:00:00Z");

        assertEquals(before + 1, apiUsage(updated));
        assertEquals(before + 2, apiUsage(deleted));
        assertEquals(Long.valueOf(1), emulator.admin().counters().get("GET /sobjects/{type}/updated"));
        assertEquals(Long.valueOf(1), emulator.admin().counters().get("GET /sobjects/{type}/deleted"));
    }

    @Test
    void shouldAnswerOnlyGetAndOnlyForKnownObjects() {
        Answer posted = client.raw("POST", BASE + "updated/?start=x&end=y", "{}", "Bearer " + client.accessToken());
        Answer unknown = client.get("/sobjects/Nothing__c/updated/?start=2030-03-15T09:00:00Z"
                + "&end=2030-03-15T10:00:00Z");

        assertEquals(405, posted.status(), posted.response().body());
        assertEquals("[{\"message\":\"HTTP Method 'POST' not allowed. Allowed are GET\","
                + "\"errorCode\":\"METHOD_NOT_ALLOWED\"}]", posted.json().toString());
        assertAnswer(unknown, 404, "[{'message':'The requested resource does not exist','errorCode':'NOT_FOUND'}]");
    }
}
