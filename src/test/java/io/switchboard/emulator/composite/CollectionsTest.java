package io.switchboard.emulator.composite;

import static io.switchboard.emulator.composite.Requests.json;
import static io.switchboard.emulator.composite.Requests.post;
import static io.switchboard.emulator.composite.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.SalesforceError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionsTest {
    private static final String ROLLED_BACK = "{'statusCode':'ALL_OR_NONE_OPERATION_ROLLED_BACK','message':'Record "
            + "rolled back because not all records were valid and the request was using AllOrNone header','fields':[]}";

    private final FakeOrg org = new FakeOrg();
    private final CountingUsage usage = new CountingUsage();
    private final CompositeHandler handler = new CompositeHandler(org, org, usage);

    private JsonNode send(ApiRequest request) {
        ApiResponse response = handler.handle(request, "60.0");
        assertEquals(200, response.status());
        return (JsonNode) response.body();
    }

    private String seedAccount(String name) {
        return org.seed("Account", (ObjectNode) json("{'Name':'" + name + "'}"));
    }

    @Test
    void shouldCreateRecordsOfSeveralTypesInOrder() {
        JsonNode answer = send(post("/composite/sobjects", "{'records':["
                + "{'attributes':{'type':'Account'},'Name':'Acme'},{'attributes':{'type':'Contact'},'LastName':'Rossi'}]}"));

        String accountId = org.recordsOf("Account").get(0).get("Id").asText();
        String contactId = org.recordsOf("Contact").get(0).get("Id").asText();
        assertEquals(json("[{'id':'" + accountId + "','success':true,'errors':[]},"
                + "{'id':'" + contactId + "','success':true,'errors':[]}]"), answer);
        assertEquals(0, usage.used());
    }

    @Test
    void shouldKeepTheValidRecordsWhenNotAllOrNone() {
        JsonNode answer = send(post("/composite/sobjects", "{'allOrNone':false,'records':["
                + "{'attributes':{'type':'Account'}},{'attributes':{'type':'Account'},'Name':'Acme'}]}"));

        assertEquals(json("{'success':false,'errors':[{'statusCode':'REQUIRED_FIELD_MISSING',"
                + "'message':'Required fields are missing: [Name]','fields':['Name']}]}"), answer.get(0));
        assertTrue(answer.get(1).get("success").asBoolean());
        assertEquals(1, org.size());
    }

    @Test
    void shouldRollBackEveryRecordWhenAllOrNoneAndOneFails() {
        JsonNode answer = send(post("/composite/sobjects", "{'allOrNone':true,'records':["
                + "{'attributes':{'type':'Account'},'Name':'Acme'},{'attributes':{'type':'Account'}}]}"));

        assertEquals(json("[{'success':false,'errors':[" + ROLLED_BACK + "]},"
                + "{'success':false,'errors':[{'statusCode':'REQUIRED_FIELD_MISSING',"
                + "'message':'Required fields are missing: [Name]','fields':['Name']}]}]"), answer);
        assertEquals(0, org.size());
    }

    @Test
    void shouldRefuseMoreThan200Records() {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            records.append(i == 0 ? "" : ",").append("{'attributes':{'type':'Account'},'Name':'A").append(i).append("'}");
        }
        SalesforceError refused = assertThrows(SalesforceError.class,
                () -> handler.handle(post("/composite/sobjects", "{'records':[" + records + "]}"), "60.0"));

        assertEquals(400, refused.status());
        assertEquals("EXCEEDED_ID_LIMIT", refused.errorCode());
        assertEquals("record limit reached. cannot submit more than 200 records into this call", refused.getMessage());
        assertEquals(0, org.size());
    }

    @Test
    void shouldRefuseRecordsWithoutAType() {
        SalesforceError refused = assertThrows(SalesforceError.class,
                () -> handler.handle(post("/composite/sobjects", "{'records':[{'Name':'Acme'}]}"), "60.0"));

        assertEquals("INVALID_TYPE", refused.errorCode());
        assertEquals("Must send a concrete entity type.", refused.getMessage());
    }

    @Test
    void shouldUpdateRecordsAndReportTheRolledBackOnesWithTheirIds() {
        String acme = seedAccount("Acme");
        JsonNode answer = send(request("PATCH", "/composite/sobjects", Map.of(), json("{'allOrNone':true,'records':["
                + "{'attributes':{'type':'Account'},'id':'" + acme + "','Name':'Acme Ltd'},"
                + "{'attributes':{'type':'Account'},'Name':'No id'}]}")));

        assertEquals(json("[{'id':'" + acme + "','success':false,'errors':[" + ROLLED_BACK + "]},"
                + "{'success':false,'errors':[{'statusCode':'MISSING_ARGUMENT','message':'Id not specified in an "
                + "update call','fields':[]}]}]"), answer);
        assertEquals("Acme", org.byId(acme).orElseThrow().get("Name").asText());
    }

    @Test
    void shouldUpsertByExternalIdAndSayWhichRecordsWereCreated() {
        String existing = org.seed("Referral__c", (ObjectNode) json("{'CX_Id__c':'CX-1','Status__c':'Pending'}"));
        JsonNode answer = send(request("PATCH", "/composite/sobjects/Referral__c/CX_Id__c", Map.of(), json(
                "{'records':[{'attributes':{'type':'Referral__c'},'CX_Id__c':'CX-1','Status__c':'Accepted'},"
                        + "{'attributes':{'type':'Referral__c'},'CX_Id__c':'CX-2','Status__c':'Pending'}]}")));

        String created = org.recordsOf("Referral__c").get(1).get("Id").asText();
        assertEquals(json("[{'id':'" + existing + "','success':true,'errors':[],'created':false},"
                + "{'id':'" + created + "','success':true,'errors':[],'created':true}]"), answer);
        assertEquals("Accepted", org.byId(existing).orElseThrow().get("Status__c").asText());
        assertEquals("/sobjects/Referral__c/CX_Id__c/CX-2", org.received().get(1).path());
    }

    @Test
    void shouldDeleteByIdsAndReportMalformedOnes() {
        String acme = seedAccount("Acme");
        JsonNode answer = send(request("DELETE", "/composite/sobjects",
                Map.of("ids", acme + ",001BAD", "allOrNone", "false"), null));

        assertEquals(json("[{'id':'" + acme + "','success':true,'errors':[]},"
                + "{'success':false,'errors':[{'statusCode':'MALFORMED_ID','message':'malformed id 001BAD','fields':[]}]}]"),
                answer);
        assertEquals(0, org.size());
    }

    @Test
    void shouldRestoreDeletedRecordsWhenAllOrNoneDeleteFails() {
        String acme = seedAccount("Acme");
        JsonNode answer = send(request("DELETE", "/composite/sobjects",
                Map.of("ids", acme + ",001000000000000999", "allOrNone", "true"), null));

        assertEquals(json("{'id':'" + acme + "','success':false,'errors':[" + ROLLED_BACK + "]}"), answer.get(0));
        assertEquals("NOT_FOUND", answer.at("/1/errors/0/statusCode").asText());
        assertTrue(org.byId(acme).isPresent());
    }

    @Test
    void shouldRetrieveRecordsWithNullForUnknownIds() {
        String acme = seedAccount("Acme");
        JsonNode answer = send(post("/composite/sobjects/Account",
                "{'ids':['" + acme + "','001000000000000999'],'fields':['Name']}"));
        JsonNode byQuery = send(request("GET", "/composite/sobjects/Account",
                Map.of("ids", acme, "fields", "Name"), null));

        assertEquals(json("[{'attributes':{'type':'Account'},'Name':'Acme'},null]"), answer);
        assertEquals(answer.get(0), byQuery.get(0));
    }

    @Test
    void shouldRefuseAWrongMethodOnTheUpsertForm() {
        SalesforceError refused = assertThrows(SalesforceError.class, () -> handler.handle(
                request("POST", "/composite/sobjects/Referral__c/CX_Id__c", Map.of(), json("{'records':[]}")), "60.0"));

        assertEquals(405, refused.status());
        assertEquals("HTTP Method 'POST' not allowed. Allowed are PATCH", refused.getMessage());
    }
}
