package io.switchboard.emulator;

import static io.switchboard.emulator.EmulatorClient.encode;
import static io.switchboard.emulator.seed.SeededOrg.AGENT_EMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.records.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SOQL a Salesforce-to-elsewhere sync runs: filters on SystemModstamp, LastModifiedDate and CreatedDate with
 * datetime literals, ORDER BY SystemModstamp, Id with ties, paging, and queryAll for deletions. Every record here is
 * a Contact whose LastName starts with "Sync", written while the org's clock is frozen years after the seed.
 */
class ChangeTrackingQueryOverHttpTest extends EmulatorFixture {
    private static final Instant T0 = Instant.parse("2030-03-15T10:00:00Z");
    private static final String SYNCED = "FROM Contact WHERE LastName LIKE 'Sync%'";

    @BeforeEach
    void freezeTheClock() {
        emulator.admin().setClock(T0, true);
    }

    private void at(Duration sinceT0) {
        emulator.admin().advanceClock(Duration.between(emulator.admin().clockNow(), T0.plus(sinceT0)));
    }

    private String contact(String lastName) {
        Answer answer = client.post("/sobjects/Contact", json("{'LastName':'" + lastName + "'}"));
        assertEquals(201, answer.status(), answer.response().body());
        return answer.json().get("id").asText();
    }

    private Answer query(String resource, String soql, Map<String, String> headers) {
        Answer answer = client.authorized("GET", "/services/data/v" + EmulatorClient.VERSION + "/" + resource
                + "?q=" + encode(soql), null, headers);
        assertEquals(200, answer.status(), answer.response().body());
        return answer;
    }

    private List<String> values(String soql, String field) {
        List<String> values = new ArrayList<>();
        query("query", soql, Map.of()).json().get("records").forEach(record -> values.add(record.get(field).asText()));
        return values;
    }

    @Test
    void shouldFilterOnEachStampWithDatetimeLiterals() {
        contact("Sync A");
        at(Duration.ofMinutes(1));
        String b = contact("Sync B");
        at(Duration.ofMinutes(2));
        contact("Sync C");
        at(Duration.ofMinutes(3));
        assertEquals(204, client.patch("/sobjects/Contact/" + b, json("{'Title':'Touched'}")).status());

        String names = "SELECT LastName " + SYNCED;
        assertEquals(List.of("Sync C", "Sync B"),
                values(names + " AND SystemModstamp > 2030-03-15T10:01:00Z ORDER BY SystemModstamp", "LastName"));
        assertEquals(List.of("Sync B", "Sync C"), values(names + " AND SystemModstamp >= 2030-03-15T10:02:00.000+0000",
                "LastName"));
        assertEquals(List.of("Sync A"), values(names + " AND LastModifiedDate < 2030-03-15T10:02:00Z", "LastName"));
        assertEquals(List.of("Sync B"), values(names + " AND CreatedDate < 2030-03-15T10:02:00Z"
                + " AND LastModifiedDate >= 2030-03-15T10:02:00Z", "LastName"));
        assertEquals(List.of("Sync A", "Sync B"), values(names + " AND CreatedDate <= 2030-03-15T11:01:00+01:00",
                "LastName"));
    }

    @Test
    void shouldBreakTiesOfOneStampById() {
        // seeded in falling id order, so that insertion order and id order disagree
        List<String> ids = IntStream.of(905, 904, 903, 902, 901)
                .mapToObj(n -> emulator.admin().insertRecord("Contact",
                        Map.of("Id", Ids.of("003", n), "LastName", "Sync tie " + n)))
                .toList();
        at(Duration.ofSeconds(1));
        String later = contact("Sync later");

        List<String> byStampThenId = values("SELECT Id " + SYNCED + " ORDER BY SystemModstamp, Id", "Id");
        List<String> byStampOnly = values("SELECT Id " + SYNCED + " ORDER BY SystemModstamp", "Id");
        List<String> byStampThenIdDescending = values("SELECT Id " + SYNCED + " ORDER BY SystemModstamp, Id DESC",
                "Id");

        List<String> rising = new ArrayList<>(ids);
        Collections.reverse(rising);
        assertEquals(concat(rising, later), byStampThenId);
        assertEquals(concat(ids, later), byStampOnly);
        assertEquals(concat(ids, later), byStampThenIdDescending);
        assertEquals(List.of("2030-03-15T10:00:00.000+0000"),
                values("SELECT SystemModstamp " + SYNCED + " AND Id = '" + rising.get(0) + "'", "SystemModstamp"));
    }

    @Test
    void shouldContinueAfterTheLastRecordSeenInsideATieWithoutLosingAny() {
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> contact("Sync page " + i)).toList();
        String soql = "SELECT Id " + SYNCED + " ORDER BY SystemModstamp, Id LIMIT 3";

        List<String> first = values(soql.replace(" ORDER", " AND SystemModstamp >= 2030-03-15T10:00:00Z ORDER"), "Id");
        String lastSeen = first.get(first.size() - 1);
        List<String> rest = values(soql.replace(" ORDER", " AND (SystemModstamp > 2030-03-15T10:00:00Z"
                + " OR (SystemModstamp = 2030-03-15T10:00:00Z AND Id > '" + lastSeen + "')) ORDER"), "Id");

        assertEquals(ids.subList(0, 3), first);
        assertEquals(ids.subList(3, 5), rest);
    }

    @Test
    void shouldPageALimitedResultThroughNextRecordsUrl() {
        createThroughCollections(0, 200);
        at(Duration.ofSeconds(1));
        createThroughCollections(200, 350);
        Map<String, String> smallBatches = Map.of("Sforce-Query-Options", "batchSize=200");

        Answer first = query("query", "SELECT Id, LastName, SystemModstamp " + SYNCED
                + " AND SystemModstamp >= 2030-03-15T10:00:00Z ORDER BY SystemModstamp, Id LIMIT 300", smallBatches);
        Answer second = client.authorized("GET", first.json().get("nextRecordsUrl").asText(), null, smallBatches);

        assertEquals(300, first.json().get("totalSize").asInt());
        assertFalse(first.json().get("done").asBoolean());
        assertEquals(200, first.json().get("records").size());
        assertTrue(second.json().get("done").asBoolean());
        assertEquals(100, second.json().get("records").size());
        List<String> names = new ArrayList<>();
        first.json().get("records").forEach(record -> names.add(record.get("LastName").asText()));
        second.json().get("records").forEach(record -> names.add(record.get("LastName").asText()));
        assertEquals(IntStream.range(0, 300).mapToObj(i -> String.format("Sync bulk %03d", i)).toList(), names);
        JsonNode lastRecord = second.json().get("records").get(99);
        assertEquals("2030-03-15T10:00:01.000+0000", lastRecord.get("SystemModstamp").asText());
    }

    @Test
    void shouldFindDeletionsSinceAStampThroughQueryAll() {
        String kept = contact("Sync kept");
        String early = contact("Sync deleted early");
        client.delete("/sobjects/Contact/" + early);
        at(Duration.ofMinutes(5));
        String late = contact("Sync deleted late");
        emulator.admin().deleteRecordAs(AGENT_EMAIL, "Contact", late);

        Answer deletions = query("queryAll", "SELECT Id, IsDeleted, LastModifiedBy.Username " + SYNCED
                + " AND IsDeleted = true AND SystemModstamp > 2030-03-15T10:00:00Z ORDER BY SystemModstamp, Id",
                Map.of());
        Answer everything = query("queryAll", "SELECT Id " + SYNCED + " ORDER BY SystemModstamp, Id", Map.of());

        assertEquals(1, deletions.json().get("totalSize").asInt());
        JsonNode record = deletions.json().get("records").get(0);
        assertEquals(late, record.get("Id").asText());
        assertTrue(record.get("IsDeleted").asBoolean());
        assertEquals(AGENT_EMAIL, record.get("LastModifiedBy").get("Username").asText());
        List<String> all = new ArrayList<>();
        everything.json().get("records").forEach(each -> all.add(each.get("Id").asText()));
        assertEquals(List.of(kept, early, late), all);
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }

    private void createThroughCollections(int from, int to) {
        String records = String.join(",", IntStream.range(from, to)
                .mapToObj(i -> "{'attributes':{'type':'Contact'},'LastName':'Sync bulk "
                        + String.format("%03d", i) + "'}")
                .toList());
        Answer answer = client.post("/composite/sobjects", json("{'allOrNone':true,'records':[" + records + "]}"));
        assertEquals(200, answer.status(), answer.response().body());
        answer.json().forEach(result -> assertTrue(result.get("success").asBoolean(), result.toString()));
    }
}
