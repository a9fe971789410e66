package io.switchboard.emulator.records;

import static io.switchboard.emulator.EmulatorClient.encode;
import static io.switchboard.emulator.seed.SeededOrg.INTEGRATION_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.MARIA_CONTI_ID;
import static io.switchboard.emulator.seed.SeededOrg.MARIA_CONTI_PHONE;
import static io.switchboard.emulator.seed.SeededOrg.REFERRAL_CX_ID;
import static io.switchboard.emulator.seed.SeededOrg.REFERRAL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deletes into the recycle bin, what /query, /queryAll, reads and writes make of it, and its purge. */
class RecycleBinOverHttpTest extends EmulatorFixture {
    private static final String ENTITY_IS_DELETED =
            "[{'message':'entity is deleted','errorCode':'ENTITY_IS_DELETED','fields':[]}]";
    private static final Instant CREATED = Instant.parse("2026-11-20T10:00:00Z");

    @BeforeEach
    void freezeTheClock() {
        emulator.admin().setClock(CREATED, true);
    }

    private String create(String type, String body) {
        Answer answer = client.post("/sobjects/" + type, json(body));
        assertEquals(201, answer.status(), answer.response().body());
        return answer.json().get("id").asText();
    }

    private Answer query(String resource, String soql) {
        Answer answer = client.get("/" + resource + "?q=" + encode(soql));
        assertEquals(200, answer.status(), answer.response().body());
        return answer;
    }

    private void assertDeletedAnswer(Answer answer) {
        assertEquals(404, answer.status(), answer.response().body());
        assertEquals(json(ENTITY_IS_DELETED), answer.json().toString());
    }

    @Test
    void shouldKeepADeletedRecordInTheRecycleBinStampedByTheDeletion() {
        String id = create("Contact", "{'LastName':'Binned'}");
        emulator.admin().advanceClock(Duration.ofMinutes(5));

        Answer deleted = client.delete("/sobjects/Contact/" + id);

        assertEquals(204, deleted.status());
        assertNull(deleted.json());
        assertDeletedAnswer(client.get("/sobjects/Contact/" + id));
        String soql = "SELECT Id, IsDeleted, CreatedDate, LastModifiedDate, LastModifiedById, SystemModstamp "
                + "FROM Contact WHERE LastName = 'Binned'";
        assertEquals(json("{'totalSize':0,'done':true,'records':[]}"), query("query", soql).json().toString());
        assertEquals(json("{'totalSize':1,'done':true,'records':[{'attributes':{'type':'Contact','url':"
                        + "'/services/data/v60.0/sobjects/Contact/" + id + "'},'Id':'" + id + "','IsDeleted':true,"
                        + "'CreatedDate':'2026-11-20T10:00:00.000+0000',"
                        + "'LastModifiedDate':'2026-11-20T10:05:00.000+0000',"
                        + "'LastModifiedById':'" + INTEGRATION_USER_ID + "',"
                        + "'SystemModstamp':'2026-11-20T10:05:00.000+0000'}]}"),
                query("queryAll", soql).json().toString());
    }

    @Test
    void shouldRefuseToUpdateOrDeleteADeletedRecordAndLeaveItAsItWas() {
        String id = create("Contact", "{'LastName':'Gone'}");
        client.delete("/sobjects/Contact/" + id);
        emulator.admin().advanceClock(Duration.ofMinutes(1));

        assertDeletedAnswer(client.patch("/sobjects/Contact/" + id, json("{'Title':'Ghost'}")));
        assertDeletedAnswer(client.delete("/sobjects/Contact/" + id));

        JsonNode stored = query("queryAll", "SELECT Title, SystemModstamp FROM Contact WHERE Id = '" + id + "'")
                .json().get("records").get(0);
        assertTrue(stored.get("Title").isNull());
        assertEquals("2026-11-20T10:00:00.000+0000", stored.get("SystemModstamp").asText());
    }

    @Test
    void shouldFilterTheRecycleBinWithIsDeletedInQueryAllOnly() {
        String kept = create("Contact", "{'LastName':'Filtered','FirstName':'Kept'}");
        String binned = create("Contact", "{'LastName':'Filtered','FirstName':'Binned'}");
        client.delete("/sobjects/Contact/" + binned);
        String deletedOnes = "SELECT Id FROM Contact WHERE LastName = 'Filtered' AND IsDeleted = true";
        String liveOnes = "SELECT Id FROM Contact WHERE LastName = 'Filtered' AND IsDeleted = false";

        assertEquals(List.of(binned), ids(query("queryAll", deletedOnes)));
        assertEquals(List.of(kept), ids(query("queryAll", liveOnes)));
        assertEquals(List.of(), ids(query("query", deletedOnes)));
        assertEquals(List.of(kept, binned),
                ids(query("queryAll", "SELECT Id FROM Contact WHERE LastName = 'Filtered'")));
    }

    @Test
    void shouldPageThroughQueryAllWithTheDeletedRecordsKeptInItsCursor() {
        List<String> ids = createCases(250);
        deleteThroughCollections(ids.subList(0, 150));
        Map<String, String> smallBatches = Map.of("Sforce-Query-Options", "batchSize=200");
        String soql = "SELECT Id, IsDeleted FROM Case WHERE Subject LIKE 'Bulk %' ORDER BY Subject";

        Answer first = client.authorized("GET", "/services/data/v62.0/queryAll?q=" + encode(soql), null, smallBatches);
        String next = first.json().get("nextRecordsUrl").asText();
        Answer viaQuery = client.authorized("GET", next, null, smallBatches);
        Answer viaQueryAll = client.authorized("GET", next.replace("/query/", "/queryAll/"), null, smallBatches);

        assertEquals(200, first.status(), first.response().body());
        assertEquals(250, first.json().get("totalSize").asInt());
        assertFalse(first.json().get("done").asBoolean());
        assertTrue(next.startsWith("/services/data/v62.0/query/01g"), next);
        assertEquals(200, first.json().get("records").size());
        assertEquals(viaQuery.json(), viaQueryAll.json());
        assertTrue(viaQuery.json().get("done").asBoolean());
        List<JsonNode> all = new ArrayList<>();
        first.json().get("records").forEach(all::add);
        viaQuery.json().get("records").forEach(all::add);
        assertEquals(ids, all.stream().map(record -> record.get("Id").asText()).toList());
        assertEquals(150, all.stream().filter(record -> record.get("IsDeleted").asBoolean()).count());
    }

    @Test
    void shouldAnswerACollectionDeleteOfADeletedRecordWithEntityIsDeleted() {
        String first = create("Account", "{'Name':'First'}");
        String second = create("Account", "{'Name':'Second'}");

        Answer deleted = client.delete("/composite/sobjects?ids=" + first + "," + second);
        Answer again = client.delete("/composite/sobjects?ids=" + first);

        assertEquals(json("[{'id':'" + first + "','success':true,'errors':[]},{'id':'" + second
                + "','success':true,'errors':[]}]"), deleted.json().toString());
        assertEquals(json("[{'success':false,'errors':[{'statusCode':'ENTITY_IS_DELETED',"
                + "'message':'entity is deleted','fields':[]}]}]"), again.json().toString());
        assertEquals(2, query("queryAll", "SELECT Id FROM Account WHERE IsDeleted = true").json()
                .get("totalSize").asInt());
    }

    @Test
    void shouldTakeADeleteBackWhenItsAllOrNoneCollectionFails() {
        String id = create("Account", "{'Name':'Kept'}");

        Answer answer = client.delete("/composite/sobjects?allOrNone=true&ids=" + id + ",001000000000000AAA");

        assertEquals(200, answer.status(), answer.response().body());
        assertEquals("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                answer.json().get(0).get("errors").get(0).get("statusCode").asText());
        assertEquals("Kept", client.get("/sobjects/Account/" + id).json().get("Name").asText());
    }

    @Test
    void shouldPurgeTheRecycleBinFifteenDaysAfterTheDelete() {
        String id = create("Contact", "{'LastName':'Purged'}");
        client.delete("/sobjects/Contact/" + id);

        emulator.admin().advanceClock(Duration.ofDays(15));
        assertDeletedAnswer(client.get("/sobjects/Contact/" + id));
        emulator.admin().advanceClock(Duration.ofSeconds(1));

        Answer read = client.get("/sobjects/Contact/" + id);
        assertEquals(404, read.status());
        assertEquals(json("[{'message':'The requested resource does not exist','errorCode':'NOT_FOUND'}]"),
                read.json().toString());
        assertEquals(0, query("queryAll", "SELECT Id FROM Contact WHERE LastName = 'Purged'").json()
                .get("totalSize").asInt());
    }

    @Test
    void shouldDeleteAFilesVersionAndLinkWithItsDocument() {
        String version = create("ContentVersion", "{'Title':'Statement','PathOnClient':'statement.txt',"
                + "'VersionData':'aGVsbG8=','FirstPublishLocationId':'" + MARIA_CONTI_ID + "'}");
        String document = client.get("/sobjects/ContentVersion/" + version).json().get("ContentDocumentId").asText();

        assertEquals(204, client.delete("/sobjects/ContentDocument/" + document).status());

        for (String type : List.of("ContentVersion", "ContentDocumentLink")) {
            String soql = "SELECT Id, IsDeleted FROM " + type + " WHERE ContentDocumentId = '" + document + "'";
            assertEquals(0, query("query", soql).json().get("totalSize").asInt(), type);
            JsonNode binned = query("queryAll", soql).json().get("records");
            assertEquals(1, binned.size(), type);
            assertTrue(binned.get(0).get("IsDeleted").asBoolean(), type);
        }
    }

    @Test
    void shouldRefuseALookupToADeletedRecord() {
        String contact = create("Contact", "{'LastName':'Departed'}");
        client.delete("/sobjects/Contact/" + contact);

        Answer answer = client.post("/sobjects/Case", json("{'Subject':'For a ghost','ContactId':'" + contact + "'}"));

        assertEquals(400, answer.status());
        assertEquals(json("[{'message':'entity is deleted','errorCode':'ENTITY_IS_DELETED','fields':['ContactId']}]"),
                answer.json().toString());
    }

    @Test
    void shouldCreateANewRecordWhenAnUpsertKeyMatchesOnlyADeletedOne() {
        client.delete("/sobjects/Referral__c/" + REFERRAL_ID);

        Answer byExternalId = client.patch("/sobjects/Referral__c/CX_Id__c/" + REFERRAL_CX_ID,
                json("{'Name':'REF-0001 again'}"));
        Answer byId = client.patch("/sobjects/Referral__c/Id/" + REFERRAL_ID, json("{'Name':'Back'}"));

        assertEquals(201, byExternalId.status(), byExternalId.response().body());
        assertTrue(byExternalId.json().get("created").asBoolean());
        assertNotEquals(REFERRAL_ID, byExternalId.json().get("id").asText());
        assertDeletedAnswer(byId);
    }

    @Test
    void shouldLeaveDeletedRecordsOutOfSearches() {
        String search = "/search?q=" + encode("FIND {" + MARIA_CONTI_PHONE.replace("+", "\\+")
                + "} IN PHONE FIELDS RETURNING Contact(Id)");
        assertEquals(MARIA_CONTI_ID, client.get(search).json().get("searchRecords").get(0).get("Id").asText());

        client.delete("/sobjects/Contact/" + MARIA_CONTI_ID);

        Answer answer = client.get(search);
        assertEquals(200, answer.status(), answer.response().body());
        assertEquals(json("{'searchRecords':[]}"), answer.json().toString());
    }

    @Test
    void shouldDescribeIsDeletedAsABooleanNoOneWrites() {
        JsonNode describe = client.get("/sobjects/Contact/describe").json();
        JsonNode isDeleted = StreamSupport.stream(describe.get("fields").spliterator(), false)
                .filter(field -> field.get("name").asText().equals("IsDeleted")).findFirst().orElseThrow();

        assertEquals("boolean", isDeleted.get("type").asText());
        assertFalse(isDeleted.get("createable").asBoolean());
        assertFalse(isDeleted.get("updateable").asBoolean());
        assertFalse(isDeleted.get("nillable").asBoolean());
        assertTrue(isDeleted.get("defaultedOnCreate").asBoolean());
        Answer refused = client.post("/sobjects/Contact", json("{'LastName':'Sneaky','IsDeleted':true}"));
        assertEquals(400, refused.status());
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", refused.errorCode());
        assertEquals(List.of("IsDeleted"), List.of(refused.json().get(0).get("fields").get(0).asText()));
    }

    @Test
    void shouldRefuseToSeedARecordStraightIntoTheRecycleBin() {
        Answer seeded = client.raw("POST", "/__admin/records/Contact", json("{'LastName':'Ghost','IsDeleted':true}"),
                null);

        assertEquals(400, seeded.status());
        assertEquals(json("{'error':'IsDeleted cannot be seeded: insert the record, then delete it'}"),
                seeded.json().toString());
        assertEquals(0, query("queryAll", "SELECT Id FROM Contact WHERE LastName = 'Ghost'").json()
                .get("totalSize").asInt());
    }

    private static List<String> ids(Answer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().get("records").forEach(record -> ids.add(record.get("Id").asText()));
        return ids;
    }

    /** Cases with subjects {@code Bulk 000}, {@code Bulk 001}..., created through sObject collections. */
    private List<String> createCases(int count) {
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < count; from += 200) {
            String records = String.join(",", IntStream.range(from, Math.min(count, from + 200))
                    .mapToObj(i -> "{'attributes':{'type':'Case'},'Subject':'Bulk " + String.format("%03d", i) + "'}")
                    .toList());
            Answer answer = client.post("/composite/sobjects", json("{'allOrNone':true,'records':[" + records + "]}"));
            assertEquals(200, answer.status(), answer.response().body());
            answer.json().forEach(result -> ids.add(result.get("id").asText()));
        }
        return ids;
    }

    private void deleteThroughCollections(List<String> ids) {
        Answer answer = client.delete("/composite/sobjects?ids=" + String.join(",", ids));
        assertEquals(200, answer.status(), answer.response().body());
        answer.json().forEach(result -> assertTrue(result.get("success").asBoolean(), result.toString()));
    }
}
