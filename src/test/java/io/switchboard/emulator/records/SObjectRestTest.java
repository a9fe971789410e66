package io.switchboard.emulator.records;

import static io.switchboard.emulator.seed.SeededOrg.MARIA_CONTI_ID;
import static io.switchboard.emulator.seed.SeededOrg.REFERRAL_CX_ID;
import static io.switchboard.emulator.seed.SeededOrg.REFERRAL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import io.switchboard.emulator.seed.SeededOrg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class SObjectRestTest extends EmulatorFixture {

    private static JsonNode field(JsonNode describe, String name) {
        return StreamSupport.stream(describe.get("fields").spliterator(), false)
                .filter(field -> field.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private void assertError(Answer answer, int status, String code, String message) {
        assertEquals(status, answer.status(), answer.response().body());
        assertEquals(code, answer.errorCode());
        assertEquals(message, answer.message());
    }

    @Test
    void shouldListTheSupportedVersionsWithoutASession() {
        Answer answer = client.raw("GET", "/services/data/", null, null);

        assertEquals(200, answer.status());
        assertEquals("31.0", answer.json().get(0).get("version").asText());
        JsonNode newest = answer.json().get(answer.json().size() - 1);
        assertEquals("66.0", newest.get("version").asText());
        assertEquals("/services/data/v66.0", newest.get("url").asText());
        assertEquals("Spring '26", newest.get("label").asText());
    }

    @Test
    void shouldAnswerUnsupportedVersionsWithNotFound() {
        for (String version : new String[] {"v30.0", "v67.0", "latest"}) {
            Answer answer = client.raw("GET", "/services/data/" + version + "/sobjects", null,
                    "Bearer " + client.accessToken());
            assertError(answer, 404, "NOT_FOUND", "The requested resource does not exist");
        }
    }

    @Test
    void shouldDescribeTheOrgGlobally() {
        Answer answer = client.get("/sobjects");

        assertEquals(200, answer.status());
        assertEquals("UTF-8", answer.json().get("encoding").asText());
        assertEquals(200, answer.json().get("maxBatchSize").asInt());
        JsonNode referral = StreamSupport.stream(answer.json().get("sobjects").spliterator(), false)
                .filter(object -> object.get("name").asText().equals("Referral__c")).findFirst().orElseThrow();
        assertEquals("a0x", referral.get("keyPrefix").asText());
        assertTrue(referral.get("custom").asBoolean());
        assertTrue(referral.get("queryable").asBoolean());
        assertEquals("/services/data/v60.0/sobjects/Referral__c/describe",
                referral.get("urls").get("describe").asText());
    }

    @Test
    void shouldDescribeCaseFieldsAsSalesforceDoes() {
        JsonNode describe = client.get("/sobjects/Case/describe").json();

        JsonNode status = field(describe, "Status");
        assertEquals("picklist", status.get("type").asText());
        assertTrue(status.get("restrictedPicklist").asBoolean());
        assertTrue(status.get("defaultedOnCreate").asBoolean());
        assertEquals(List.of("New", "Working", "Escalated", "Closed"), StreamSupport.stream(
                status.get("picklistValues").spliterator(), false).map(value -> value.get("value").asText()).toList());
        assertTrue(status.get("picklistValues").get(0).get("defaultValue").asBoolean());
        JsonNode subject = field(describe, "Subject");
        assertEquals(255, subject.get("length").asInt());
        assertEquals(765, subject.get("byteLength").asInt());
        JsonNode contactId = field(describe, "ContactId");
        assertEquals("reference", contactId.get("type").asText());
        assertEquals("Contact", contactId.get("referenceTo").get(0).asText());
        assertEquals("Contact", contactId.get("relationshipName").asText());
        JsonNode caseNumber = field(describe, "CaseNumber");
        assertFalse(caseNumber.get("createable").asBoolean());
        assertTrue(caseNumber.get("autoNumber").asBoolean());
        assertTrue(field(describe, "Origin").toString().contains("\"value\":\"WhatsApp\""));
    }

    // found by an independent check: real orgs describe Task.Subject as a combobox, not a string
    @Test
    void shouldDescribeTaskSubjectAsAComboboxThatTakesFreeText() {
        JsonNode subject = field(client.get("/sobjects/Task/describe").json(), "Subject");
        assertEquals("combobox", subject.get("type").asText());
        assertEquals(255, subject.get("length").asInt());
        assertFalse(subject.get("restrictedPicklist").asBoolean());
        assertEquals(List.of("Call", "Send Letter", "Send Quote", "Other"), StreamSupport.stream(
                subject.get("picklistValues").spliterator(), false).map(value -> value.get("value").asText()).toList());

        Answer created = client.post("/sobjects/Task", "{\"Subject\":\"[xCALLY Ticket] Sales +393331234567\"}");
        assertEquals(201, created.status(), created.response().body());
        Answer tooLong = client.post("/sobjects/Task", "{\"Subject\":\"" + "x".repeat(256) + "\"}");
        assertEquals(400, tooLong.status(), tooLong.response().body());
        assertEquals("STRING_TOO_LONG", tooLong.errorCode());
        JsonNode eventSubject = field(client.get("/sobjects/Event/describe").json(), "Subject");
        assertEquals("combobox", eventSubject.get("type").asText());
        assertEquals(255, eventSubject.get("length").asInt());
    }

    // as real orgs describe them: WhoId is polymorphic over people, WhatId over the records an activity is about
    @Test
    void shouldDescribeTheActivityReferencesAsPolymorphic() {
        for (String activity : List.of("Task", "Event")) {
            JsonNode describe = client.get("/sobjects/" + activity + "/describe").json();
            JsonNode who = field(describe, "WhoId");
            assertEquals("reference", who.get("type").asText());
            assertEquals("[\"Contact\",\"Lead\"]", who.get("referenceTo").toString(), activity);
            assertTrue(who.get("polymorphicForeignKey").asBoolean(), activity);
            List<String> what = new ArrayList<>();
            field(describe, "WhatId").get("referenceTo").forEach(target -> what.add(target.asText()));
            assertTrue(what.containsAll(List.of("Account", "Case", "Referral__c", "casexchange__CX_Intake__c")),
                    activity + " WhatId: " + what);
            assertFalse(what.contains("Contact") || what.contains("Lead"), "people are WhoId's: " + what);
        }
        for (String[] required : new String[][] {{"Lead", "LastName"}, {"Lead", "Company"}, {"Contact", "LastName"},
                {"Account", "Name"}}) {
            JsonNode described = field(client.get("/sobjects/" + required[0] + "/describe").json(), required[1]);
            assertFalse(described.get("nillable").asBoolean(), required[0] + "." + required[1] + " is required");
            assertFalse(described.get("defaultedOnCreate").asBoolean(), required[0] + "." + required[1]);
        }
    }

    @Test
    void shouldShowAuditFieldsCreateableOnlyToPermittedUsers() {
        assertTrue(field(client.get("/sobjects/CaseComment/describe").json(), "CreatedDate")
                .get("createable").asBoolean());

        emulator.admin().auditPermission(SeededOrg.USERNAME, false);

        JsonNode describe = client.get("/sobjects/CaseComment/describe").json();
        assertFalse(field(describe, "CreatedDate").get("createable").asBoolean());
        assertFalse(field(describe, "CreatedById").get("createable").asBoolean());
        assertFalse(field(describe, "CreatedDate").get("updateable").asBoolean());
    }

    @Test
    void shouldHideAuditFieldCreationWhenTheOrgSettingIsOff() {
        emulator.admin().auditFieldsEnabled(false);

        assertFalse(field(client.get("/sobjects/Case/describe").json(), "CreatedDate").get("createable").asBoolean());
    }

    @Test
    void shouldAnswerBasicInfoWithRecentItems() {
        Answer answer = client.get("/sobjects/Contact");

        assertEquals(200, answer.status());
        assertEquals("003", answer.json().get("objectDescribe").get("keyPrefix").asText());
        assertEquals(2, answer.json().get("recentItems").size());
    }

    @Test
    void shouldCreateReadUpdateAndDeleteARecord() {
        Answer created = client.post("/sobjects/Account", "{\"Name\":\"Rossi Legal\",\"Phone\":\"+39 02 1\"}");
        assertEquals(201, created.status());
        String id = created.json().get("id").asText();
        assertTrue(created.json().get("success").asBoolean());
        assertEquals(0, created.json().get("errors").size());
        assertEquals(18, id.length());
        assertTrue(id.startsWith("001"));

        JsonNode read = client.get("/sobjects/Account/" + id).json();
        assertEquals("Account", read.get("attributes").get("type").asText());
        assertEquals("/services/data/v60.0/sobjects/Account/" + id, read.get("attributes").get("url").asText());
        assertEquals("Rossi Legal", read.get("Name").asText());
        assertEquals(SeededOrg.INTEGRATION_USER_ID, read.get("OwnerId").asText());
        assertTrue(read.get("CreatedDate").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"));

        Answer updated = client.patch("/sobjects/Account/" + id, "{\"Phone\":\"+39 02 2\"}");
        assertEquals(204, updated.status());
        assertEquals("+39 02 2", emulator.admin().records("Account").get(2).get("Phone"));

        assertEquals(204, client.delete("/sobjects/Account/" + id).status());
        assertEquals(2, emulator.admin().records("Account").size());
        // a deleted record waits in the recycle bin, and Salesforce says so rather than "does not exist"
        assertError(client.get("/sobjects/Account/" + id), 404, "ENTITY_IS_DELETED", "entity is deleted");
    }

    @Test
    void shouldReturnOnlyTheRequestedFields() {
        JsonNode read = client.get("/sobjects/Contact/" + MARIA_CONTI_ID + "?fields=Name,Phone").json();

        assertEquals(List.of("attributes", "Name", "Phone"), fieldNames(read));
        assertEquals("Maria Conti", read.get("Name").asText());
        assertEquals(SeededOrg.MARIA_CONTI_PHONE, read.get("Phone").asText());
    }

    @Test
    void shouldRefuseAnUnknownFieldInTheFieldList() {
        Answer answer = client.get("/sobjects/Contact/" + MARIA_CONTI_ID + "?fields=Name,Foo");

        assertEquals(400, answer.status());
        assertEquals("INVALID_FIELD", answer.errorCode());
        assertTrue(answer.message().startsWith("No such column 'Foo' on entity 'Contact'."));
    }

    @Test
    void shouldAcceptA15CharacterId() {
        assertEquals(200, client.get("/sobjects/Contact/" + MARIA_CONTI_ID.substring(0, 15)).status());
    }

    @Test
    void shouldAnswerUnknownObjectsAndIdsWithSalesforcesWording() {
        assertError(client.get("/sobjects/Nothing__c/" + MARIA_CONTI_ID), 404, "NOT_FOUND",
                "The requested resource does not exist");
        assertError(client.get("/sobjects/Contact/" + Ids.of("003", 99_999)), 404, "NOT_FOUND",
                "The requested resource does not exist");
        assertError(client.get("/sobjects/Contact/not-an-id"), 404, "NOT_FOUND",
                "Provided external ID field does not exist or is not accessible: not-an-id");
        assertError(client.get("/sobjects/Case/" + MARIA_CONTI_ID), 400, "MALFORMED_ID",
                "Case ID: id value of incorrect type: " + MARIA_CONTI_ID);
    }

    @Test
    void shouldRefuseMethodsAResourceDoesNotSupport() {
        assertError(client.data("PUT", "/sobjects/Case", "{}"), 405, "METHOD_NOT_ALLOWED",
                "HTTP Method 'PUT' not allowed. Allowed are GET,POST");
    }

    @Test
    void shouldRefuseMalformedJson() {
        Answer answer = client.post("/sobjects/Case", "{\"Subject\": oops}");

        assertEquals(400, answer.status());
        assertEquals("JSON_PARSER_ERROR", answer.errorCode());
        assertTrue(answer.message().startsWith("Unrecognized token 'oops'"), answer.message());
    }

    @Test
    void shouldUpsertByExternalIdCreatingThenUpdating() {
        Answer created = client.patch("/sobjects/Referral__c/CX_Id__c/CX-2002",
                "{\"Name\":\"REF-2\",\"Status__c\":\"Accepted\"}");
        assertEquals(201, created.status());
        assertTrue(created.json().get("created").asBoolean());
        assertTrue(created.json().get("success").asBoolean());
        String id = created.json().get("id").asText();
        assertEquals("CX-2002", emulator.admin().records("Referral__c").get(1).get("CX_Id__c"));

        Answer updated = client.patch("/sobjects/Referral__c/CX_Id__c/cx-2002", "{\"Status__c\":\"Rejected\"}");
        assertEquals(200, updated.status());
        assertFalse(updated.json().get("created").asBoolean());
        assertEquals(id, updated.json().get("id").asText());
        assertEquals("Rejected", emulator.admin().records("Referral__c").get(1).get("Status__c"));
        assertEquals(2, emulator.admin().records("Referral__c").size());
    }

    @Test
    void shouldAnswerAnUpdatingUpsertWithNoContentBeforeVersion46() {
        Answer answer = client.raw("PATCH", "/services/data/v45.0/sobjects/Referral__c/CX_Id__c/" + REFERRAL_CX_ID,
                "{\"Status__c\":\"Closed\"}", "Bearer " + client.accessToken());

        assertEquals(204, answer.status());
        assertEquals("Closed", emulator.admin().records("Referral__c").get(0).get("Status__c"));
    }

    @Test
    void shouldAnswerSeveralMatchesWithMultipleChoicesAndWriteNothing() {
        // Duplicates can only exist when seeded past validation, as after a data load without the unique flag.
        String second = emulator.admin().insertRecord("Referral__c", Map.of("Name", "REF-dup", "CX_Id__c", "CX-DUP"));
        String third = emulator.admin().insertRecord("Referral__c", Map.of("Name", "REF-dup2", "CX_Id__c", "cx-dup"));

        Answer answer = client.patch("/sobjects/Referral__c/CX_Id__c/CX-DUP", "{\"Status__c\":\"Closed\"}");

        assertEquals(300, answer.status());
        assertEquals("/services/data/v60.0/sobjects/Referral__c/" + second, answer.json().get(0).asText());
        assertEquals("/services/data/v60.0/sobjects/Referral__c/" + third, answer.json().get(1).asText());
        assertNull(emulator.admin().records("Referral__c").get(1).get("Status__c"));
    }

    @Test
    void shouldRefuseUpsertOnAFieldThatIsNotAnExternalId() {
        Answer answer = client.patch("/sobjects/Referral__c/Receiving_Firm__c/Acme", "{\"Status__c\":\"Closed\"}");

        assertError(answer, 400, "INVALID_FIELD",
                "Field Receiving_Firm__c is not an External ID, Salesforce Id, or indexed field for Referral__c");
        assertEquals(List.of("Receiving_Firm__c"), List.of(answer.json().get(0).get("fields").get(0).asText()));
    }

    @Test
    void shouldRefuseUpsertOnAnUnknownField() {
        assertError(client.patch("/sobjects/Referral__c/Nope__c/1", "{}"), 404, "NOT_FOUND",
                "Provided external ID field does not exist or is not accessible: Nope__c");
    }

    @Test
    void shouldUpsertByIdOnlyWhenTheRecordExists() {
        assertEquals(200, client.patch("/sobjects/Referral__c/Id/" + REFERRAL_ID, "{\"Status__c\":\"Closed\"}")
                .status());
        assertError(client.patch("/sobjects/Referral__c/Id/" + Ids.of("a0x", 99_999), "{\"Status__c\":\"Closed\"}"),
                404, "NOT_FOUND", "The requested resource does not exist");
    }

    @Test
    void shouldRefuseABodyWhoseKeyDiffersFromTheUrl() {
        Answer answer = client.patch("/sobjects/Referral__c/CX_Id__c/CX-3",
                "{\"Name\":\"R\",\"CX_Id__c\":\"CX-4\"}");

        assertEquals(400, answer.status());
        assertEquals("INVALID_FIELD", answer.errorCode());
        assertEquals(1, emulator.admin().records("Referral__c").size());
    }

    @Test
    void shouldTreatNumericLookingKeysAsStrings() {
        assertEquals(201, client.patch("/sobjects/casexchange__CX_Intake__c/casexchange__CX_Case_Id__c/00042",
                "{\"casexchange__Status__c\":\"Acknowledged\"}").status());

        Map<String, Object> intake = emulator.admin().records("casexchange__CX_Intake__c").get(0);
        assertEquals("00042", intake.get("casexchange__CX_Case_Id__c"));
        assertEquals("CXI-000001", intake.get("Name"));
    }

    @Test
    void shouldGetARecordByExternalId() {
        Answer answer = client.get("/sobjects/Referral__c/CX_Id__c/" + REFERRAL_CX_ID);

        assertEquals(200, answer.status());
        assertEquals(REFERRAL_ID, answer.json().get("Id").asText());
        assertError(client.get("/sobjects/Referral__c/CX_Id__c/missing"), 404, "NOT_FOUND",
                "The requested resource does not exist");
    }

    @Test
    void shouldReportLimits() {
        emulator.admin().apiLimit(1000, 10);

        JsonNode limits = client.get("/limits").json();

        assertEquals(1000, limits.get("DailyApiRequests").get("Max").asLong());
        assertEquals(989, limits.get("DailyApiRequests").get("Remaining").asLong());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
