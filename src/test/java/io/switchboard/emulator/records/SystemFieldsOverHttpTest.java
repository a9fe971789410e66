package io.switchboard.emulator.records;

import static io.switchboard.emulator.seed.SeededOrg.AGENT_EMAIL;
import static io.switchboard.emulator.seed.SeededOrg.AGENT_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.INTEGRATION_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.MARIA_CONTI_ID;
import static io.switchboard.emulator.seed.SeededOrg.SEEDED_AT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CreatedDate, CreatedById, LastModifiedDate, LastModifiedById and SystemModstamp on every way a record is written:
 * single requests, upserts, composite, collections, tree, batch and graph, and edits by another user.
 */
class SystemFieldsOverHttpTest extends EmulatorFixture {
    private static final String BASE = "/services/data/v" + EmulatorClient.VERSION;
    private static final Instant T0 = Instant.parse("2030-03-15T10:00:00Z");
    private static final String STAMPS = "CreatedDate,CreatedById,LastModifiedDate,LastModifiedById,SystemModstamp";

    @BeforeEach
    void freezeTheClock() {
        emulator.admin().setClock(T0, true);
    }

    /** Moves the org's clock to {@code minutes} past T0 and answers that stamp as records carry it. */
    private String minute(int minutes) {
        Instant target = T0.plus(Duration.ofMinutes(minutes));
        emulator.admin().advanceClock(Duration.between(emulator.admin().clockNow(), target));
        return Timestamps.format(target);
    }

    private void assertStamps(String type, String id, String created, String createdBy, String modified,
                              String modifiedBy) {
        Answer answer = client.get("/sobjects/" + type + "/" + id + "?fields=" + STAMPS);
        assertEquals(200, answer.status(), answer.response().body());
        JsonNode record = answer.json();
        assertEquals(List.of(created, createdBy, modified, modifiedBy, modified),
                List.of(record.get("CreatedDate").asText(), record.get("CreatedById").asText(),
                        record.get("LastModifiedDate").asText(), record.get("LastModifiedById").asText(),
                        record.get("SystemModstamp").asText()), type + " " + id);
    }

    private static String subrequest(String method, String path, String referenceId, String body) {
        return "{'method':'" + method + "','url':'" + BASE + path + "','referenceId':'" + referenceId + "'"
                + (body == null ? "" : ",'body':" + body) + "}";
    }

    private String created(String type, String body) {
        Answer answer = client.post("/sobjects/" + type, json(body));
        assertEquals(201, answer.status(), answer.response().body());
        return answer.json().get("id").asText();
    }

    @Test
    void shouldDescribeTheSystemFieldsAsReadOnlyDatetimesAndUserLookups() {
        JsonNode describe = client.get("/sobjects/Contact/describe").json();
        Map<String, JsonNode> fields = new HashMap<>();
        StreamSupport.stream(describe.get("fields").spliterator(), false)
                .forEach(field -> fields.put(field.get("name").asText(), field));

        JsonNode modstamp = fields.get("SystemModstamp");
        assertEquals("datetime", modstamp.get("type").asText());
        assertEquals("xsd:dateTime", modstamp.get("soapType").asText());
        assertFalse(modstamp.get("createable").asBoolean());
        assertFalse(modstamp.get("updateable").asBoolean());
        assertFalse(modstamp.get("nillable").asBoolean());
        assertTrue(modstamp.get("defaultedOnCreate").asBoolean());
        for (String name : List.of("CreatedDate", "LastModifiedDate")) {
            assertEquals("datetime", fields.get(name).get("type").asText(), name);
            assertFalse(fields.get(name).get("updateable").asBoolean(), name);
        }
        for (String name : List.of("CreatedById", "LastModifiedById")) {
            assertEquals("reference", fields.get(name).get("type").asText(), name);
            assertEquals("User", fields.get(name).get("referenceTo").get(0).asText(), name);
            assertFalse(fields.get(name).get("updateable").asBoolean(), name);
        }
        assertEquals("LastModifiedBy", fields.get("LastModifiedById").get("relationshipName").asText());
    }

    @Test
    void shouldRefuseToWriteSystemModstampOrTheLastModifiedStampsOnUpdate() {
        Answer insert = client.post("/sobjects/Contact",
                json("{'LastName':'Stamped','SystemModstamp':'2030-01-01T00:00:00Z'}"));
        String id = created("Contact", "{'LastName':'Kept'}");
        Answer update = client.patch("/sobjects/Contact/" + id,
                json("{'LastModifiedById':'" + AGENT_USER_ID + "','LastModifiedDate':'2030-03-15T11:00:00Z'}"));

        assertEquals(400, insert.status());
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", insert.errorCode());
        assertEquals("SystemModstamp", insert.json().get(0).get("fields").get(0).asText());
        assertEquals(400, update.status());
        assertEquals("Unable to create/update fields: LastModifiedById, LastModifiedDate. Please check the security"
                + " settings of this field and verify that it is read/write for your profile or permission set.",
                update.message());
    }

    @Test
    void shouldStampInsertsAndEveryUpdateOfSingleRecordRequests() {
        String created = minute(0);
        String id = created("Contact", "{'LastName':'Single','Title':'Client'}");
        assertStamps("Contact", id, created, INTEGRATION_USER_ID, created, INTEGRATION_USER_ID);

        String changed = minute(1);
        assertEquals(204, client.patch("/sobjects/Contact/" + id, json("{'Title':'Partner'}")).status());
        assertStamps("Contact", id, created, INTEGRATION_USER_ID, changed, INTEGRATION_USER_ID);

        // Salesforce stamps every save, even one that changes no value
        String unchanged = minute(2);
        assertEquals(204, client.patch("/sobjects/Contact/" + id, json("{'Title':'Partner'}")).status());
        assertStamps("Contact", id, created, INTEGRATION_USER_ID, unchanged, INTEGRATION_USER_ID);
    }

    @Test
    void shouldStampUpsertsThatCreateAndThatUpdate() {
        String created = minute(0);
        Answer insert = client.patch("/sobjects/Referral__c/CX_Id__c/CX-STAMP", json("{'Name':'REF-STAMP'}"));
        String id = insert.json().get("id").asText();
        String updated = minute(4);
        Answer update = client.patch("/sobjects/Referral__c/CX_Id__c/CX-STAMP", json("{'Status__c':'Accepted'}"));

        assertEquals(201, insert.status(), insert.response().body());
        assertEquals(200, update.status(), update.response().body());
        assertStamps("Referral__c", id, created, INTEGRATION_USER_ID, updated, INTEGRATION_USER_ID);
    }

    @Test
    void shouldStampWritesMadeThroughCompositeAndCollections() {
        String created = minute(0);
        String contact = created("Contact", "{'LastName':'Composite'}");
        String account = created("Account", "{'Name':'Collections'}");

        String viaComposite = minute(1);
        Answer composite = client.post("/composite", json("{'allOrNone':true,'compositeRequest':["
                + subrequest("PATCH", "/sobjects/Contact/" + contact, "touch", "{'Title':'Composite'}") + ","
                + subrequest("POST", "/sobjects/Case", "newCase", "{'Subject':'Composite case'}") + "]}"));
        assertEquals(200, composite.status(), composite.response().body());
        String caseId = composite.json().get("compositeResponse").get(1).get("body").get("id").asText();
        assertStamps("Contact", contact, created, INTEGRATION_USER_ID, viaComposite, INTEGRATION_USER_ID);
        assertStamps("Case", caseId, viaComposite, INTEGRATION_USER_ID, viaComposite, INTEGRATION_USER_ID);

        String viaCollections = minute(2);
        Answer update = client.patch("/composite/sobjects", json("{'records':[{'attributes':{'type':'Account'},"
                + "'Id':'" + account + "','Phone':'+39 02 1'}]}"));
        Answer upsert = client.patch("/composite/sobjects/Referral__c/CX_Id__c", json("{'records':[{'attributes':"
                + "{'type':'Referral__c'},'CX_Id__c':'CX-COLL','Name':'REF-COLL'}]}"));
        assertTrue(update.json().get(0).get("success").asBoolean(), update.response().body());
        assertStamps("Account", account, created, INTEGRATION_USER_ID, viaCollections, INTEGRATION_USER_ID);
        assertStamps("Referral__c", upsert.json().get(0).get("id").asText(), viaCollections, INTEGRATION_USER_ID,
                viaCollections, INTEGRATION_USER_ID);
    }

    @Test
    void shouldStampRecordsCreatedThroughTreeBatchAndGraph() {
        String viaTree = minute(1);
        Answer tree = client.post("/composite/tree/Case", json("{'records':[{'attributes':{'type':'Case',"
                + "'referenceId':'case1'},'Subject':'Tree','CaseComments':{'records':[{'attributes':"
                + "{'type':'CaseComment','referenceId':'c1'},'CommentBody':'one'}]}}]}"));
        assertEquals(201, tree.status(), tree.response().body());
        for (JsonNode result : tree.json().get("results")) {
            String type = result.get("referenceId").asText().equals("case1") ? "Case" : "CaseComment";
            assertStamps(type, result.get("id").asText(), viaTree, INTEGRATION_USER_ID, viaTree, INTEGRATION_USER_ID);
        }

        String viaBatch = minute(2);
        Answer batch = client.post("/composite/batch", json("{'batchRequests':[{'method':'POST','url':'v"
                + EmulatorClient.VERSION + "/sobjects/Case','richInput':{'Subject':'Batch'}}]}"));
        String batchCase = batch.json().get("results").get(0).get("result").get("id").asText();
        assertStamps("Case", batchCase, viaBatch, INTEGRATION_USER_ID, viaBatch, INTEGRATION_USER_ID);

        String viaGraph = minute(3);
        Answer graph = client.post("/composite/graph", json("{'graphs':[{'graphId':'g1','compositeRequest':["
                + subrequest("PATCH", "/sobjects/Case/" + batchCase, "touch", "{'Subject':'Graph'}") + "]}]}"));
        assertTrue(graph.json().get("graphs").get(0).get("isSuccessful").asBoolean(), graph.response().body());
        assertStamps("Case", batchCase, viaBatch, INTEGRATION_USER_ID, viaGraph, INTEGRATION_USER_ID);
    }

    @Test
    void shouldStampTheSeededRecordsLongBeforeAnyTestWrites() {
        assertStamps("Contact", MARIA_CONTI_ID, SEEDED_AT, INTEGRATION_USER_ID, SEEDED_AT, INTEGRATION_USER_ID);
        assertStamps("User", AGENT_USER_ID, SEEDED_AT, INTEGRATION_USER_ID, SEEDED_AT, INTEGRATION_USER_ID);
    }

    @Test
    void shouldKeepTheStampsAnAdminSeedGives() {
        Answer seeded = client.raw("POST", "/__admin/records/Contact", json("{'LastName':'Old',"
                + "'CreatedDate':'2030-03-01T08:00:00Z','LastModifiedDate':'2030-03-02T08:00:00Z',"
                + "'LastModifiedById':'" + AGENT_USER_ID + "','SystemModstamp':'2030-03-03T08:00:00Z'}"), null);

        assertEquals(201, seeded.status(), seeded.response().body());
        JsonNode record = client.get("/sobjects/Contact/" + seeded.json().get("id").asText() + "?fields=" + STAMPS)
                .json();
        assertEquals("2030-03-01T08:00:00.000+0000", record.get("CreatedDate").asText());
        assertEquals("2030-03-02T08:00:00.000+0000", record.get("LastModifiedDate").asText());
        assertEquals(AGENT_USER_ID, record.get("LastModifiedById").asText());
        assertEquals("2030-03-03T08:00:00.000+0000", record.get("SystemModstamp").asText());
        Answer unreadable = client.raw("POST", "/__admin/records/Contact",
                json("{'LastName':'Odd','SystemModstamp':'last week'}"), null);
        assertEquals(400, unreadable.status());
        assertEquals(json("{'error':'SystemModstamp must be an ISO 8601 datetime such as 2026-11-20T10:01:07Z,"
                + " was: last week'}"), unreadable.json().toString());
    }

    @Test
    void shouldMoveTheStampsToTheUserWhoEditsNext() {
        String created = minute(0);
        String id = created("Contact", "{'LastName':'Shared'}");

        String edited = minute(7);
        emulator.admin().updateRecordAs(AGENT_EMAIL, "Contact", id, Map.of("Title", "Edited in Salesforce"));
        assertStamps("Contact", id, created, INTEGRATION_USER_ID, edited, AGENT_USER_ID);

        String echoed = minute(8);
        assertEquals(204, client.patch("/sobjects/Contact/" + id, json("{'Title':'Edited again'}")).status());
        assertStamps("Contact", id, created, INTEGRATION_USER_ID, echoed, INTEGRATION_USER_ID);
    }
}
