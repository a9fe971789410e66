package io.switchboard.emulator.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import io.switchboard.emulator.records.Timestamps;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The org's clock, set, frozen, advanced and reset through {@code /__admin/clock}, and the stamps writes carry. */
class OrgClockTest extends EmulatorFixture {

    private Answer clock(String method, String body) {
        return client.raw(method, "/__admin/clock", body == null ? null : json(body), null);
    }

    private JsonNode created(String type, String body) {
        Answer answer = client.post("/sobjects/" + type, json(body));
        assertEquals(201, answer.status(), answer.response().body());
        return client.get("/sobjects/" + type + "/" + answer.json().get("id").asText()).json();
    }

    @Test
    void shouldFreezeTheClockAtTheGivenInstantSoThatWritesShareOneStamp() {
        Answer set = clock("POST", "{'now':'2026-11-20T10:00:00Z'}");

        assertEquals(200, set.status(), set.response().body());
        assertEquals(json("{'now':'2026-11-20T10:00:00.000+0000','frozen':true}"), set.json().toString());
        JsonNode first = created("Contact", "{'LastName':'First'}");
        JsonNode second = created("Contact", "{'LastName':'Second'}");
        for (JsonNode contact : new JsonNode[] {first, second}) {
            assertEquals("2026-11-20T10:00:00.000+0000", contact.get("CreatedDate").asText());
            assertEquals("2026-11-20T10:00:00.000+0000", contact.get("LastModifiedDate").asText());
            assertEquals("2026-11-20T10:00:00.000+0000", contact.get("SystemModstamp").asText());
        }
    }

    @Test
    void shouldAdvanceAFrozenClockAndStampLaterWritesWithTheNewTime() {
        clock("POST", "{'now':'2026-11-20T10:00:00Z'}");
        String id = created("Contact", "{'LastName':'Moved'}").get("Id").asText();

        Answer advanced = clock("POST", "{'advanceMillis':61500}");
        assertEquals(204, client.patch("/sobjects/Contact/" + id, json("{'Title':'Lawyer'}")).status());

        assertEquals(json("{'now':'2026-11-20T10:01:01.000+0000','frozen':true}"), advanced.json().toString());
        JsonNode contact = client.get("/sobjects/Contact/" + id).json();
        assertEquals("2026-11-20T10:00:00.000+0000", contact.get("CreatedDate").asText());
        assertEquals("2026-11-20T10:01:01.000+0000", contact.get("LastModifiedDate").asText());
        assertEquals("2026-11-20T10:01:01.000+0000", contact.get("SystemModstamp").asText());
    }

    @Test
    void shouldStampWholeSecondsAsSalesforceStoresThem() {
        clock("POST", "{'now':'2026-11-20T10:00:07.950Z'}");

        JsonNode contact = created("Contact", "{'LastName':'Rounded'}");

        assertEquals("2026-11-20T10:00:07.000+0000", contact.get("SystemModstamp").asText());
        assertEquals("2026-11-20T10:00:07.000+0000",
                clock("GET", null).json().get("now").asText());
    }

    @Test
    void shouldLetTheClockRunOnFromTheTimeItWasSetTo() {
        Answer running = clock("POST", "{'now':'2030-01-01T00:00:00Z','frozen':false}");

        assertEquals(200, running.status(), running.response().body());
        assertFalse(running.json().get("frozen").asBoolean());
        Instant later = Timestamps.parseDateTime(clock("GET", null).json().get("now").asText()).orElseThrow();
        assertTrue(!later.isBefore(Instant.parse("2030-01-01T00:00:00Z"))
                && later.isBefore(Instant.parse("2030-01-01T00:01:00Z")), later.toString());
    }

    @Test
    void shouldFreezeAndReleaseTheClockWhereItStands() {
        clock("POST", "{'now':'2026-11-20T10:00:00Z'}");

        Answer released = clock("POST", "{'frozen':false}");
        Answer frozen = clock("POST", "{'frozen':true}");

        assertFalse(released.json().get("frozen").asBoolean());
        assertTrue(frozen.json().get("frozen").asBoolean());
        assertEquals(frozen.json().get("now"), clock("GET", null).json().get("now"));
    }

    @Test
    void shouldGoBackToRealTimeOnDeleteAndOnReset() {
        clock("POST", "{'now':'2020-01-01T00:00:00Z'}");
        assertEquals(204, clock("DELETE", null).status());
        assertRealTime(clock("GET", null).json());

        clock("POST", "{'now':'2020-01-01T00:00:00Z'}");
        emulator.admin().reset();
        assertRealTime(clock("GET", null).json());
    }

    private static void assertRealTime(JsonNode clock) {
        assertFalse(clock.get("frozen").asBoolean());
        Instant now = Timestamps.parseDateTime(clock.get("now").asText()).orElseThrow();
        assertTrue(Duration.between(now, Instant.now()).abs().toSeconds() < 5, now.toString());
    }

    @Test
    void shouldRefuseAnUnreadableTimeAndAClockGoingBackwards() {
        Answer unreadable = clock("POST", "{'now':'tomorrow'}");
        Answer backwards = clock("POST", "{'advanceMillis':-1000}");

        assertEquals(400, unreadable.status());
        assertEquals(json("{'error':'now must be an ISO 8601 datetime such as 2026-11-20T10:00:00Z, was: tomorrow'}"),
                unreadable.json().toString());
        assertEquals(400, backwards.status());
        assertEquals(json("{'error':'the clock only moves forward: PT-1S'}"), backwards.json().toString());
    }

    @Test
    void shouldOfferTheSameControlsInProcess() {
        emulator.admin().setClock(Instant.parse("2026-11-20T10:00:00Z"), true);
        emulator.admin().advanceClock(Duration.ofSeconds(30));

        assertEquals(Instant.parse("2026-11-20T10:00:30Z"), emulator.admin().clockNow());
        assertTrue(emulator.admin().clockFrozen());
        assertEquals("2026-11-20T10:00:30.000+0000", created("Account", "{'Name':'In process'}")
                .get("SystemModstamp").asText());
    }
}
