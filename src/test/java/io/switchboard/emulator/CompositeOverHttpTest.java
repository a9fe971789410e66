package io.switchboard.emulator;

import static io.switchboard.emulator.seed.SeededOrg.AGENT_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.SEEDED_CASE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** /composite, sObject collections, trees, batches and graphs against the fully wired org over HTTP. */
class CompositeOverHttpTest extends EmulatorFixture {
    private static final String BASE = "/services/data/v" + EmulatorClient.VERSION;
    private static final String HALTED_MESSAGE =
            "The transaction was rolled back since another operation in the same transaction failed.";
    private static final String ROLLED_BACK_MESSAGE =
            "Record rolled back because not all records were valid and the request was using AllOrNone header";

    private static String subrequest(String method, String path, String referenceId, String body) {
        return "{'method':'" + method + "','url':'" + BASE + path + "','referenceId':'" + referenceId + "'"
                + (body == null ? "" : ",'body':" + body) + "}";
    }

    private Answer composite(boolean allOrNone, String... subrequests) {
        return client.post("/composite", json("{'allOrNone':" + allOrNone + ",'compositeRequest':["
                + String.join(",", subrequests) + "]}"));
    }

    private static JsonNode entry(Answer answer, int index) {
        return answer.json().get("compositeResponse").get(index);
    }

    private static void assertSubrequestError(JsonNode entry, int status, String code, String message) {
        assertEquals(status, entry.get("httpStatusCode").asInt(), entry.toString());
        assertEquals(code, entry.get("body").get(0).get("errorCode").asText());
        assertEquals(message, entry.get("body").get(0).get("message").asText());
    }

    private static void assertRecordError(JsonNode result, String statusCode, String message, List<String> fields) {
        assertFalse(result.get("success").asBoolean(), result.toString());
        JsonNode error = result.get("errors").get(0);
        assertEquals(statusCode, error.get("statusCode").asText());
        assertEquals(message, error.get("message").asText());
        assertEquals(fields, fieldNames(error));
    }

    private static List<String> fieldNames(JsonNode error) {
        return error.get("fields") == null ? List.of()
                : StreamSupport.stream(error.get("fields").spliterator(), false)
                        .map(JsonNode::asText).toList();
    }

    private String createdId(JsonNode entry) {
        assertEquals(201, entry.get("httpStatusCode").asInt(), entry.toString());
        return entry.get("body").get("id").asText();
    }

    @Test
    void shouldHaltTheOthersAndStoreNothingWhenTheThirdSubrequestOfAnAllOrNoneCompositeFails() {
        int cases = stored("Case");
        int contacts = stored("Contact");

        Answer answer = composite(true,
                subrequest("POST", "/sobjects/Case", "newCase", "{'Subject':'Call from +39 333'}"),
                subrequest("POST", "/sobjects/Contact", "caller", "{'LastName':'Rossi'}"),
                subrequest("POST", "/sobjects/Contact", "broken", "{'FirstName':'Nameless'}"));

        assertEquals(200, answer.status());
        assertSubrequestError(entry(answer, 0), 400, "PROCESSING_HALTED", HALTED_MESSAGE);
        assertSubrequestError(entry(answer, 1), 400, "PROCESSING_HALTED", HALTED_MESSAGE);
        assertSubrequestError(entry(answer, 2), 400, "REQUIRED_FIELD_MISSING",
                "Required fields are missing: [LastName]");
        assertEquals("LastName", entry(answer, 2).get("body").get(0).get("fields").get(0).asText());
        assertEquals(cases, stored("Case"));
        assertEquals(contacts, stored("Contact"));
    }

    @Test
    void shouldKeepTheGoodSubrequestsWhenNotAllOrNone() {
        int cases = stored("Case");
        int contacts = stored("Contact");

        Answer answer = composite(false,
                subrequest("POST", "/sobjects/Case", "newCase", "{'Subject':'Kept'}"),
                subrequest("POST", "/sobjects/Contact", "caller", "{'LastName':'Rossi'}"),
                subrequest("POST", "/sobjects/Contact", "broken", "{'FirstName':'Nameless'}"));

        String caseId = createdId(entry(answer, 0));
        String contactId = createdId(entry(answer, 1));
        assertSubrequestError(entry(answer, 2), 400, "REQUIRED_FIELD_MISSING",
                "Required fields are missing: [LastName]");
        assertEquals(cases + 1, stored("Case"));
        assertEquals(contacts + 1, stored("Contact"));
        assertEquals("Kept", client.get("/sobjects/Case/" + caseId).json().get("Subject").asText());
        assertEquals("Rossi", client.get("/sobjects/Contact/" + contactId).json().get("LastName").asText());
    }

    @Test
    void shouldResolveTheIdOfACaseCreatedEarlierAsTheParentOfItsComment() {
        Answer answer = composite(true,
                subrequest("POST", "/sobjects/Case", "newCase", "{'Subject':'WhatsApp chat','Origin':'WhatsApp'}"),
                subrequest("POST", "/sobjects/CaseComment", "comment",
                        "{'ParentId':'@{newCase.id}','CommentBody':'Hello'}"),
                subrequest("GET", "/sobjects/CaseComment/@{comment.id}?fields=ParentId,CommentBody", "readBack", null));

        String caseId = createdId(entry(answer, 0));
        String commentId = createdId(entry(answer, 1));
        assertEquals(BASE + "/sobjects/CaseComment/" + commentId,
                entry(answer, 1).get("httpHeaders").get("Location").asText());
        assertEquals(200, entry(answer, 2).get("httpStatusCode").asInt());
        assertEquals(caseId, entry(answer, 2).get("body").get("ParentId").asText());
        JsonNode stored = client.get("/sobjects/CaseComment/" + commentId).json();
        assertEquals(caseId, stored.get("ParentId").asText());
        assertEquals("Hello", stored.get("CommentBody").asText());
    }

    @Test
    void shouldKeepTheAuditFieldsOfACaseAndItsCommentsCreatedInOneComposite() {
        Answer answer = composite(true,
                subrequest("POST", "/sobjects/Case", "oldCase", "{'Subject':'Migrated','CreatedDate':"
                        + "'2025-03-01T09:00:00.000+0000','CreatedById':'" + AGENT_USER_ID + "'}"),
                subrequest("POST", "/sobjects/CaseComment", "first", "{'ParentId':'@{oldCase.id}','CommentBody':"
                        + "'Agent: hi','CreatedDate':'2025-03-01T09:01:00.000+0000','CreatedById':'"
                        + AGENT_USER_ID + "'}"),
                subrequest("POST", "/sobjects/CaseComment", "second", "{'ParentId':'@{oldCase.id}','CommentBody':"
                        + "'Customer: hello','CreatedDate':'2025-03-01T09:02:00Z'}"));

        JsonNode kase = client.get("/sobjects/Case/" + createdId(entry(answer, 0))).json();
        JsonNode first = client.get("/sobjects/CaseComment/" + createdId(entry(answer, 1))).json();
        JsonNode second = client.get("/sobjects/CaseComment/" + createdId(entry(answer, 2))).json();
        assertEquals("2025-03-01T09:00:00.000+0000", kase.get("CreatedDate").asText());
        assertEquals(AGENT_USER_ID, kase.get("CreatedById").asText());
        assertEquals("2025-03-01T09:01:00.000+0000", first.get("CreatedDate").asText());
        assertEquals(AGENT_USER_ID, first.get("CreatedById").asText());
        assertEquals("2025-03-01T09:02:00.000+0000", second.get("CreatedDate").asText());
    }

    @Test
    void shouldCountACompositeOfManySubrequestsAsOneApiCall() {
        long before = apiUsage(client.get("/limits"));

        Answer answer = composite(true,
                subrequest("POST", "/sobjects/Case", "one", "{'Subject':'1'}"),
                subrequest("POST", "/sobjects/Case", "two", "{'Subject':'2'}"),
                subrequest("GET", "/sobjects/Case/@{two.id}", "three", null));

        assertEquals(200, answer.status());
        assertEquals(before + 1, apiUsage(answer));
        assertEquals(before + 1, emulator.admin().apiUsed());
    }

    @Test
    void shouldStoreNoneOfACollectionWhenOneRecordIsInvalidUnderAllOrNone() {
        int contacts = stored("Contact");

        Answer answer = client.post("/composite/sobjects", json("{'allOrNone':true,'records':["
                + "{'attributes':{'type':'Contact'},'LastName':'Uno'},"
                + "{'attributes':{'type':'Contact'},'FirstName':'Due'},"
                + "{'attributes':{'type':'Contact'},'LastName':'Tre'}]}"));

        assertEquals(200, answer.status());
        assertEquals(3, answer.json().size());
        assertRecordError(answer.json().get(0), "ALL_OR_NONE_OPERATION_ROLLED_BACK", ROLLED_BACK_MESSAGE, List.of());
        assertRecordError(answer.json().get(1), "REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]",
                List.of("LastName"));
        assertRecordError(answer.json().get(2), "ALL_OR_NONE_OPERATION_ROLLED_BACK", ROLLED_BACK_MESSAGE, List.of());
        assertFalse(answer.json().get(0).has("id"));
        assertEquals(contacts, stored("Contact"));
    }

    @Test
    void shouldKeepTheValidRecordsOfACollectionWithoutAllOrNone() {
        int contacts = stored("Contact");

        Answer answer = client.post("/composite/sobjects", json("{'records':["
                + "{'attributes':{'type':'Contact'},'LastName':'Uno'},"
                + "{'attributes':{'type':'Contact'},'FirstName':'Due'}]}"));

        assertTrue(answer.json().get(0).get("success").asBoolean());
        assertRecordError(answer.json().get(1), "REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]",
                List.of("LastName"));
        assertEquals(contacts + 1, stored("Contact"));
        assertEquals("Uno", client.get("/sobjects/Contact/" + answer.json().get(0).get("id").asText())
                .json().get("LastName").asText());
    }

    @Test
    void shouldCreateThenUpdateTheSameReferralWhenUpsertingACollectionTwice() {
        int referrals = stored("Referral__c");
        String body = json("{'allOrNone':true,'records':[{'attributes':{'type':'Referral__c'},"
                + "'CX_Id__c':'CX-2001','Name':'REF-2001','Status__c':'Pending'}]}");

        Answer first = client.patch("/composite/sobjects/Referral__c/CX_Id__c", body);
        Answer second = client.patch("/composite/sobjects/Referral__c/CX_Id__c",
                body.replace("Pending", "Accepted"));

        assertEquals(200, first.status());
        assertTrue(first.json().get(0).get("success").asBoolean());
        assertTrue(first.json().get(0).get("created").asBoolean());
        assertEquals(200, second.status());
        assertTrue(second.json().get(0).get("success").asBoolean());
        assertFalse(second.json().get(0).get("created").asBoolean());
        String id = first.json().get(0).get("id").asText();
        assertEquals(id, second.json().get(0).get("id").asText());
        assertEquals(referrals + 1, stored("Referral__c"));
        JsonNode stored = client.get("/sobjects/Referral__c/CX_Id__c/CX-2001").json();
        assertEquals(id, stored.get("Id").asText());
        assertEquals("Accepted", stored.get("Status__c").asText());
    }

    @Test
    void shouldUpsertIntakesByTheirNamespacedExternalId() {
        String body = json("{'records':[{'attributes':{'type':'casexchange__CX_Intake__c'},"
                + "'casexchange__CX_Case_Id__c':'CXC-77','casexchange__Status__c':'Pending'}]}");

        Answer first = client.patch("/composite/sobjects/casexchange__CX_Intake__c/casexchange__CX_Case_Id__c", body);
        Answer second = client.patch("/composite/sobjects/casexchange__CX_Intake__c/casexchange__CX_Case_Id__c", body);

        assertTrue(first.json().get(0).get("created").asBoolean(), first.response().body());
        assertFalse(second.json().get(0).get("created").asBoolean(), second.response().body());
        assertEquals(first.json().get(0).get("id").asText(), second.json().get(0).get("id").asText());
        assertEquals(1, stored("casexchange__CX_Intake__c"));
    }

    @Test
    void shouldUpsertByExternalIdValuesHoldingCharactersThatMeanSomethingInAPath() {
        List<String> values = List.of("CX/2026/7", "CX 50%", "CX?1", "CX+39 333", "CX#9");
        String records = String.join(",", values.stream().map(value -> "{'attributes':{'type':'Referral__c'},"
                + "'CX_Id__c':'" + value + "','Name':'Odd'}").toList());

        Answer answer = client.patch("/composite/sobjects/Referral__c/CX_Id__c",
                json("{'allOrNone':true,'records':[" + records + "]}"));

        assertEquals(200, answer.status());
        for (int i = 0; i < values.size(); i++) {
            JsonNode result = answer.json().get(i);
            assertTrue(result.get("success").asBoolean(), values.get(i) + ": " + result);
            assertTrue(result.get("created").asBoolean(), values.get(i) + ": " + result);
            Answer stored = client.get("/sobjects/Referral__c/CX_Id__c/" + EmulatorClient.encode(values.get(i))
                    .replace("+", "%20"));
            assertEquals(200, stored.status(), values.get(i));
            assertEquals(result.get("id").asText(), stored.json().get("Id").asText());
            assertEquals(values.get(i), stored.json().get("CX_Id__c").asText());
        }
    }

    @Test
    void shouldReadAPercentEncodedExternalIdInASubrequestUrlExactlyOnce() {
        Answer answer = composite(true,
                subrequest("PATCH", "/sobjects/Referral__c/CX_Id__c/CX%2F2026%2F9", "slashed", "{'Name':'Slashed'}"),
                subrequest("PATCH", "/sobjects/Referral__c/CX_Id__c/CX%252F9", "escaped", "{'Name':'Escaped'}"),
                subrequest("PATCH", "/sobjects/Referral__c/CX_Id__c/50%25", "percent", "{'Name':'Percent'}"));

        for (int i = 0; i < 3; i++) {
            assertEquals(201, entry(answer, i).get("httpStatusCode").asInt(), entry(answer, i).toString());
        }
        assertEquals("Slashed", client.get("/sobjects/Referral__c/CX_Id__c/CX%2F2026%2F9").json().get("Name").asText());
        assertEquals("Escaped", client.get("/sobjects/Referral__c/CX_Id__c/CX%252F9").json().get("Name").asText());
        assertEquals("Percent", client.get("/sobjects/Referral__c/CX_Id__c/50%25").json().get("Name").asText());
    }

    @Test
    void shouldCreateACaseTreeWithItsCommentsPointingAtIt() {
        int comments = stored("CaseComment");

        Answer answer = client.post("/composite/tree/Case", json("{'records':[{'attributes':{'type':'Case',"
                + "'referenceId':'case1'},'Subject':'Tree','CaseComments':{'records':["
                + "{'attributes':{'type':'CaseComment','referenceId':'c1'},'CommentBody':'one'},"
                + "{'attributes':{'type':'CaseComment','referenceId':'c2'},'CommentBody':'two'}]}}]}"));

        assertEquals(201, answer.status(), answer.response().body());
        assertFalse(answer.json().get("hasErrors").asBoolean());
        JsonNode results = answer.json().get("results");
        assertEquals(3, results.size());
        assertEquals("case1", results.get(0).get("referenceId").asText());
        String caseId = results.get(0).get("id").asText();
        for (int i = 1; i <= 2; i++) {
            JsonNode comment = client.get("/sobjects/CaseComment/" + results.get(i).get("id").asText()).json();
            assertEquals(caseId, comment.get("ParentId").asText());
        }
        assertEquals(comments + 2, stored("CaseComment"));
    }

    @Test
    void shouldStoreNothingOfATreeWhoseChildIsInvalid() {
        int cases = stored("Case");

        Answer answer = client.post("/composite/tree/Case", json("{'records':[{'attributes':{'type':'Case',"
                + "'referenceId':'case1'},'Subject':'Tree','CaseComments':{'records':["
                + "{'attributes':{'type':'CaseComment','referenceId':'c1'},'CommentBody':'one','Bogus__c':'x'}]}}]}"));

        assertEquals(400, answer.status(), answer.response().body());
        assertTrue(answer.json().get("hasErrors").asBoolean());
        JsonNode result = answer.json().get("results").get(0);
        assertEquals("c1", result.get("referenceId").asText());
        assertEquals("INVALID_FIELD", result.get("errors").get(0).get("statusCode").asText());
        assertEquals("No such column 'Bogus__c' on sobject of type CaseComment",
                result.get("errors").get(0).get("message").asText());
        assertEquals(cases, stored("Case"));
    }

    @Test
    void shouldCountEachSubrequestOfABatchAsAnApiCall() {
        long before = apiUsage(client.get("/limits"));

        Answer answer = client.post("/composite/batch", json("{'batchRequests':["
                + "{'method':'GET','url':'v" + EmulatorClient.VERSION + "/sobjects/Case/" + SEEDED_CASE_ID + "'},"
                + "{'method':'POST','url':'v" + EmulatorClient.VERSION + "/sobjects/Case','richInput':{'Subject':'b'}},"
                + "{'method':'PATCH','url':'v" + EmulatorClient.VERSION + "/sobjects/Case/" + SEEDED_CASE_ID + "',"
                + "'richInput':{'Status':'Nope'}}]}"));

        assertEquals(200, answer.status());
        assertTrue(answer.json().get("hasErrors").asBoolean());
        JsonNode results = answer.json().get("results");
        assertEquals(200, results.get(0).get("statusCode").asInt());
        assertEquals(201, results.get(1).get("statusCode").asInt());
        assertEquals(400, results.get(2).get("statusCode").asInt());
        assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                results.get(2).get("result").get(0).get("errorCode").asText());
        assertEquals("Status: bad value for restricted picklist field: Nope",
                results.get(2).get("result").get(0).get("message").asText());
        assertEquals(before + 3, apiUsage(answer));
        assertEquals(before + 3, emulator.admin().apiUsed());
        assertEquals("Existing enquiry", client.get("/sobjects/Case/" + SEEDED_CASE_ID).json().get("Subject").asText());
        assertEquals("New", client.get("/sobjects/Case/" + SEEDED_CASE_ID).json().get("Status").asText());
    }

    @Test
    void shouldRollBackOnlyTheGraphThatFailed() {
        int cases = stored("Case");

        Answer answer = client.post("/composite/graph", json("{'graphs':["
                + "{'graphId':'good','compositeRequest':["
                + subrequest("POST", "/sobjects/Case", "goodCase", "{'Subject':'Good graph'}") + ","
                + subrequest("POST", "/sobjects/CaseComment", "goodComment",
                        "{'ParentId':'@{goodCase.id}','CommentBody':'fine'}") + "]},"
                + "{'graphId':'bad','compositeRequest':["
                + subrequest("POST", "/sobjects/Case", "badCase", "{'Subject':'Bad graph'}") + ","
                + subrequest("POST", "/sobjects/CaseComment", "badComment", "{'CommentBody':'orphan'}") + "]}]}"));

        assertEquals(200, answer.status());
        JsonNode good = answer.json().get("graphs").get(0);
        JsonNode bad = answer.json().get("graphs").get(1);
        assertTrue(good.get("isSuccessful").asBoolean());
        assertFalse(bad.get("isSuccessful").asBoolean());
        JsonNode badResponses = bad.get("graphResponse").get("compositeResponse");
        assertSubrequestError(badResponses.get(0), 400, "PROCESSING_HALTED", HALTED_MESSAGE);
        assertSubrequestError(badResponses.get(1), 400, "REQUIRED_FIELD_MISSING",
                "Required fields are missing: [ParentId]");
        assertEquals(cases + 1, stored("Case"));
        String goodCaseId = good.get("graphResponse").get("compositeResponse").get(0).get("body").get("id").asText();
        assertEquals("Good graph", client.get("/sobjects/Case/" + goodCaseId).json().get("Subject").asText());
    }
}
