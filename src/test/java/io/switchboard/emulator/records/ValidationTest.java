package io.switchboard.emulator.records;

import static io.switchboard.emulator.seed.SeededOrg.ACME_ACCOUNT_ID;
import static io.switchboard.emulator.seed.SeededOrg.AGENT_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.INACTIVE_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.INTEGRATION_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.MARIA_CONTI_ID;
import static io.switchboard.emulator.seed.SeededOrg.SEEDED_CASE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import io.switchboard.emulator.seed.SeededOrg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest extends EmulatorFixture {

    private static List<String> fields(Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().get(0).get("fields").forEach(field -> fields.add(field.asText()));
        return fields;
    }

    /** Asserts the exact refusal and that the object's record count did not change. */
    private void assertRefused(String type, String body, String code, String message, List<String> fields) {
        int before = emulator.admin().records(type).size();

        Answer answer = client.post("/sobjects/" + type, body);

        assertEquals(400, answer.status(), answer.response().body());
        assertEquals(code, answer.errorCode());
        assertEquals(message, answer.message());
        assertEquals(fields, fields(answer));
        assertEquals(before, emulator.admin().records(type).size());
    }

    @Test
    void shouldRefuseAnUnknownField() {
        assertRefused("Case", "{\"Subject\":\"s\",\"Foo\":1}", "INVALID_FIELD",
                "No such column 'Foo' on sobject of type Case", List.of());
    }

    @Test
    void shouldRefuseReadOnlyFieldsOnInsert() {
        assertRefused("Case", "{\"CaseNumber\":\"1\",\"IsClosed\":true}", "INVALID_FIELD_FOR_INSERT_UPDATE",
                "Unable to create/update fields: CaseNumber, IsClosed. Please check the security settings of this"
                        + " field and verify that it is read/write for your profile or permission set.",
                List.of("CaseNumber", "IsClosed"));
    }

    @Test
    void shouldRefuseCreateOnlyFieldsOnUpdate() {
        String comment = client.post("/sobjects/CaseComment",
                "{\"ParentId\":\"" + SEEDED_CASE_ID + "\",\"CommentBody\":\"hi\"}").json().get("id").asText();

        Answer answer = client.patch("/sobjects/CaseComment/" + comment, "{\"ParentId\":\"" + SEEDED_CASE_ID + "\"}");

        assertEquals(400, answer.status());
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", answer.errorCode());
        assertEquals(List.of("ParentId"), fields(answer));
    }

    @Test
    void shouldRefuseMissingRequiredFields() {
        assertRefused("Lead", "{\"FirstName\":\"Ada\"}", "REQUIRED_FIELD_MISSING",
                "Required fields are missing: [LastName, Company]", List.of("LastName", "Company"));
    }

    // Salesforce's required fields of the objects a call may create for an unknown number
    @Test
    void shouldRequireTheNameOfAnAccountAndTheLastNameOfAContact() {
        assertRefused("Account", "{\"Phone\":\"+39 02 555 0199\"}", "REQUIRED_FIELD_MISSING",
                "Required fields are missing: [Name]", List.of("Name"));
        assertRefused("Contact", "{\"FirstName\":\"Ada\"}", "REQUIRED_FIELD_MISSING",
                "Required fields are missing: [LastName]", List.of("LastName"));
    }

    // Task.WhoId takes a Contact or a Lead only; an Account belongs in WhatId
    @Test
    void shouldRefuseATaskWhoseWhoIdIsAnAccount() {
        assertRefused("Task", "{\"Subject\":\"Call\",\"WhoId\":\"" + ACME_ACCOUNT_ID + "\"}",
                "FIELD_INTEGRITY_EXCEPTION", "Name ID: id value of incorrect type: " + ACME_ACCOUNT_ID, List.of("WhoId"));
        Answer onWhat = client.post("/sobjects/Task", "{\"Subject\":\"Call\",\"WhatId\":\"" + ACME_ACCOUNT_ID + "\"}");
        assertEquals(201, onWhat.status(), onWhat.response().body());
    }

    @Test
    void shouldTreatAnEmptyStringAsMissing() {
        assertRefused("Contact", "{\"LastName\":\"\"}", "REQUIRED_FIELD_MISSING",
                "Required fields are missing: [LastName]", List.of("LastName"));
    }

    @Test
    void shouldRefuseClearingARequiredFieldOnUpdate() {
        Answer answer = client.patch("/sobjects/Contact/" + MARIA_CONTI_ID, "{\"LastName\":null}");

        assertEquals(400, answer.status());
        assertEquals("REQUIRED_FIELD_MISSING", answer.errorCode());
        assertEquals("Conti", emulator.admin().records("Contact").get(0).get("LastName"));
    }

    @Test
    void shouldRefuseAStringThatIsTooLong() {
        String subject = "x".repeat(256);
        assertRefused("Case", "{\"Subject\":\"" + subject + "\"}", "STRING_TOO_LONG",
                "Subject: data value too large: " + subject + " (max length=255)", List.of("Subject"));
    }

    @Test
    void shouldCountCaseCommentBodiesInUtf8Bytes() {
        String fits = "é".repeat(2000);
        String tooLong = "é".repeat(2001);

        assertEquals(201, client.post("/sobjects/CaseComment",
                "{\"ParentId\":\"" + SEEDED_CASE_ID + "\",\"CommentBody\":\"" + fits + "\"}").status());
        assertRefused("CaseComment", "{\"ParentId\":\"" + SEEDED_CASE_ID + "\",\"CommentBody\":\"" + tooLong + "\"}",
                "STRING_TOO_LONG", "Body: data value too large: " + tooLong + " (max length=4000)",
                List.of("CommentBody"));
    }

    @Test
    void shouldCountOtherTextInCharacters() {
        assertEquals(201, client.post("/sobjects/Case", "{\"Subject\":\"" + "é".repeat(255) + "\"}").status());
    }

    @Test
    void shouldDefaultCaseCommentToUnpublished() {
        client.post("/sobjects/CaseComment", "{\"ParentId\":\"" + SEEDED_CASE_ID + "\",\"CommentBody\":\"x\"}");

        assertEquals(false, emulator.admin().records("CaseComment").get(0).get("IsPublished"));
    }

    @Test
    void shouldRefuseAValueOutsideARestrictedPicklist() {
        assertRefused("Case", "{\"Status\":\"Foo\"}", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                "Status: bad value for restricted picklist field: Foo", List.of("Status"));
    }

    @Test
    void shouldRefuseAMalformedId() {
        assertRefused("Case", "{\"ContactId\":\"abc\"}", "MALFORMED_ID",
                "Contact ID: id value of incorrect type: abc", List.of("ContactId"));
    }

    @Test
    void shouldRefuseAnIdOfTheWrongObject() {
        assertRefused("Case", "{\"ContactId\":\"" + SeededOrg.ACME_ACCOUNT_ID + "\"}", "FIELD_INTEGRITY_EXCEPTION",
                "Contact ID: id value of incorrect type: " + SeededOrg.ACME_ACCOUNT_ID, List.of("ContactId"));
    }

    @Test
    void shouldRefuseAReferenceToAMissingRecord() {
        assertRefused("Case", "{\"ContactId\":\"" + Ids.of("003", 99_999) + "\"}", "INVALID_CROSS_REFERENCE_KEY",
                "invalid cross reference id", List.of("ContactId"));
    }

    @Test
    void shouldRefuseAnInactiveOwner() {
        assertRefused("Case", "{\"OwnerId\":\"" + INACTIVE_USER_ID + "\"}", "INACTIVE_OWNER_OR_USER",
                "operation performed with inactive user [" + INACTIVE_USER_ID + "] as owner of case",
                List.of("OwnerId"));
    }

    @Test
    void shouldRefuseMalformedDatesNumbersAndBooleans() {
        assertRefused("Task", "{\"ActivityDate\":\"2026-13-45\"}", "JSON_PARSER_ERROR",
                "Cannot deserialize instance of date from VALUE_STRING value 2026-13-45 or request may be missing"
                        + " a required field", List.of());
        assertRefused("Task", "{\"CallDurationInSeconds\":\"ten\"}", "JSON_PARSER_ERROR",
                "Cannot deserialize instance of int from VALUE_STRING value ten or request may be missing"
                        + " a required field", List.of());
        assertRefused("Case", "{\"IsEscalated\":\"yes\"}", "JSON_PARSER_ERROR",
                "Cannot deserialize instance of boolean from VALUE_STRING value yes or request may be missing"
                        + " a required field", List.of());
        assertRefused("casexchange__CX_Intake__c", "{\"casexchange__Acknowledged_At__c\":\"yesterday\"}",
                "JSON_PARSER_ERROR", "Cannot deserialize instance of datetime from VALUE_STRING value yesterday"
                        + " or request may be missing a required field", List.of());
    }

    @Test
    void shouldStoreDatetimesInUtcWithMilliseconds() {
        String id = client.post("/sobjects/casexchange__CX_Intake__c",
                "{\"casexchange__Acknowledged_At__c\":\"2026-11-20T11:01:07+01:00\"}").json().get("id").asText();

        assertEquals("2026-11-20T10:01:07.000+0000",
                client.get("/sobjects/casexchange__CX_Intake__c/" + id).json().get("casexchange__Acknowledged_At__c")
                        .asText());
    }

    @Test
    void shouldDropTheMillisecondsOfAWrittenDatetimeAsSalesforceStoresWholeSeconds() {
        String id = client.post("/sobjects/casexchange__CX_Intake__c",
                "{\"casexchange__Acknowledged_At__c\":\"2026-11-20T10:01:07.999Z\"}").json().get("id").asText();

        assertEquals("2026-11-20T10:01:07.000+0000",
                client.get("/sobjects/casexchange__CX_Intake__c/" + id).json().get("casexchange__Acknowledged_At__c")
                        .asText());
    }

    @Test
    void shouldRefuseAnInvalidEmail() {
        assertRefused("Contact", "{\"LastName\":\"X\",\"Email\":\"not-an-email\"}", "INVALID_EMAIL_ADDRESS",
                "Email: invalid email address: not-an-email", List.of("Email"));
    }

    @Test
    void shouldRefuseADuplicateExternalId() {
        Answer answer = client.post("/sobjects/Referral__c", "{\"Name\":\"R\",\"CX_Id__c\":\"cx-1001\"}");

        assertEquals(400, answer.status());
        assertEquals("DUPLICATE_VALUE", answer.errorCode());
        assertEquals("duplicate value found: CX_Id__c duplicates value on record with id: "
                + SeededOrg.REFERRAL_ID, answer.message());
        assertEquals(1, emulator.admin().records("Referral__c").size());
    }

    @Test
    void shouldNumberCasesAndComputeContactNames() {
        String caseId = client.post("/sobjects/Case", "{\"Subject\":\"s\"}").json().get("id").asText();
        String contactId = client.post("/sobjects/Contact", "{\"FirstName\":\"Ada\",\"LastName\":\"Byron\"}")
                .json().get("id").asText();

        JsonNode createdCase = client.get("/sobjects/Case/" + caseId).json();
        assertEquals("00001027", createdCase.get("CaseNumber").asText());
        assertEquals("New", createdCase.get("Status").asText());
        assertEquals("Ada Byron", client.get("/sobjects/Contact/" + contactId).json().get("Name").asText());
    }

    @Test
    void shouldSetAuditFieldsOnInsertWhenPermitted() {
        String id = client.post("/sobjects/CaseComment", "{\"ParentId\":\"" + SEEDED_CASE_ID + "\",\"CommentBody\":"
                + "\"hi\",\"CreatedDate\":\"2026-11-20T10:01:07Z\",\"CreatedById\":\"" + AGENT_USER_ID + "\"}")
                .json().get("id").asText();

        JsonNode comment = client.get("/sobjects/CaseComment/" + id).json();
        assertEquals("2026-11-20T10:01:07.000+0000", comment.get("CreatedDate").asText());
        assertEquals(AGENT_USER_ID, comment.get("CreatedById").asText());
        assertEquals(INTEGRATION_USER_ID, comment.get("LastModifiedById").asText());
    }

    @Test
    void shouldRefuseAuditFieldsWithoutThePermission() {
        emulator.admin().auditPermission(SeededOrg.USERNAME, false);

        assertRefused("CaseComment", "{\"ParentId\":\"" + SEEDED_CASE_ID + "\",\"CreatedDate\":"
                        + "\"2026-11-20T10:01:07Z\",\"CreatedById\":\"" + AGENT_USER_ID + "\"}",
                "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: CreatedDate, CreatedById. Please"
                        + " check the security settings of this field and verify that it is read/write for your"
                        + " profile or permission set.", List.of("CreatedDate", "CreatedById"));
    }

    @Test
    void shouldRefuseAuditFieldsWhenTheOrgSettingIsOff() {
        emulator.admin().auditFieldsEnabled(false);

        assertRefused("Case", "{\"CreatedDate\":\"2026-11-20T10:01:07Z\"}", "INVALID_FIELD_FOR_INSERT_UPDATE",
                "Unable to create/update fields: CreatedDate. Please check the security settings of this field and"
                        + " verify that it is read/write for your profile or permission set.", List.of("CreatedDate"));
    }

    @Test
    void shouldRefuseAuditFieldsOnUpdateAndUpsert() {
        Answer update = client.patch("/sobjects/Case/" + SEEDED_CASE_ID, "{\"CreatedDate\":\"2026-11-20T10:01:07Z\"}");
        Answer upsert = client.patch("/sobjects/Referral__c/CX_Id__c/CX-NEW",
                "{\"Name\":\"R\",\"CreatedDate\":\"2026-11-20T10:01:07Z\"}");

        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", update.errorCode());
        assertEquals(List.of("CreatedDate"), fields(update));
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", upsert.errorCode());
        assertEquals(1, emulator.admin().records("Referral__c").size());
    }

    @Test
    void shouldRefuseLastModifiedBeforeCreated() {
        assertRefused("Case", "{\"CreatedDate\":\"2026-11-20T10:01:07Z\",\"LastModifiedDate\":\"2026-11-19T10:01:07Z\"}",
                "FIELD_INTEGRITY_EXCEPTION", "Last Modified Date: LastModifiedDate cannot be earlier than CreatedDate",
                List.of("LastModifiedDate"));
    }

    @Test
    void shouldRefuseAnInactiveCreator() {
        assertRefused("Case", "{\"CreatedById\":\"" + INACTIVE_USER_ID + "\"}", "INACTIVE_OWNER_OR_USER",
                "operation performed with inactive user [" + INACTIVE_USER_ID + "] as owner of case",
                List.of("CreatedById"));
    }

    @Test
    void shouldDropLastModifiedStampsOnATaskLinkedToAPerson() {
        String id = client.post("/sobjects/Task", "{\"Subject\":\"Call\",\"WhoId\":\"" + MARIA_CONTI_ID + "\","
                + "\"CreatedDate\":\"2026-11-20T10:01:07Z\",\"LastModifiedDate\":\"2026-11-20T10:05:00Z\","
                + "\"LastModifiedById\":\"" + AGENT_USER_ID + "\"}").json().get("id").asText();

        JsonNode task = client.get("/sobjects/Task/" + id).json();
        assertEquals("2026-11-20T10:01:07.000+0000", task.get("CreatedDate").asText());
        assertNotEquals("2026-11-20T10:05:00.000+0000", task.get("LastModifiedDate").asText());
        assertEquals(INTEGRATION_USER_ID, task.get("LastModifiedById").asText());
    }

    @Test
    void shouldCreateTheDocumentAndLinkOfAFilePublishedToACase() {
        Answer created = client.post("/sobjects/ContentVersion", "{\"Title\":\"Scan\",\"PathOnClient\":\"scan.PDF\","
                + "\"VersionData\":\"SGVsbG8=\",\"FirstPublishLocationId\":\"" + SEEDED_CASE_ID + "\"}");
        assertEquals(201, created.status(), created.response().body());

        JsonNode version = client.get("/sobjects/ContentVersion/" + created.json().get("id").asText()).json();
        String documentId = version.get("ContentDocumentId").asText();
        assertTrue(documentId.startsWith("069"));
        assertEquals("pdf", version.get("FileExtension").asText());
        assertEquals(5, version.get("ContentSize").asInt());
        assertEquals("/services/data/v60.0/sobjects/ContentVersion/" + version.get("Id").asText() + "/VersionData",
                version.get("VersionData").asText());
        Map<String, Object> link = emulator.admin().records("ContentDocumentLink").get(0);
        assertTrue(((String) link.get("Id")).startsWith("06A"));
        assertEquals(documentId, link.get("ContentDocumentId"));
        assertEquals(SEEDED_CASE_ID, link.get("LinkedEntityId"));
        assertEquals("Scan", emulator.admin().records("ContentDocument").get(0).get("Title"));
    }

    @Test
    void shouldRefuseFileDataThatIsNotBase64() {
        assertRefused("ContentVersion", "{\"PathOnClient\":\"a.txt\",\"VersionData\":\"not base64!\"}",
                "JSON_PARSER_ERROR", "Cannot deserialize instance of base64 from VALUE_STRING value not base64!"
                        + " or request may be missing a required field", List.of());
        assertEquals(0, emulator.admin().records("ContentDocument").size());
    }

    @Test
    void shouldRefuseDeletingAContentVersion() {
        String id = client.post("/sobjects/ContentVersion", "{\"PathOnClient\":\"a.txt\",\"VersionData\":\"SGk=\"}")
                .json().get("id").asText();

        Answer answer = client.delete("/sobjects/ContentVersion/" + id);

        assertEquals(400, answer.status());
        assertEquals("INVALID_TYPE", answer.errorCode());
        assertEquals("entity type ContentVersion does not support delete", answer.message());
        assertEquals(1, emulator.admin().records("ContentVersion").size());
    }

    @Test
    void shouldRemoveVersionsAndLinksWithTheirDocument() {
        client.post("/sobjects/ContentVersion", "{\"PathOnClient\":\"a.txt\",\"VersionData\":\"SGk=\","
                + "\"FirstPublishLocationId\":\"" + MARIA_CONTI_ID + "\"}");
        String documentId = (String) emulator.admin().records("ContentDocument").get(0).get("Id");

        assertEquals(204, client.delete("/sobjects/ContentDocument/" + documentId).status());

        assertEquals(0, emulator.admin().records("ContentVersion").size());
        assertEquals(0, emulator.admin().records("ContentDocumentLink").size());
    }

    @Test
    void shouldLeaveNoTraceWhenAFileInsertFails() {
        assertRefused("ContentVersion", "{\"PathOnClient\":\"a.txt\",\"VersionData\":\"SGk=\","
                        + "\"FirstPublishLocationId\":\"" + Ids.of("500", 99_999) + "\"}",
                "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of("FirstPublishLocationId"));
        assertEquals(0, emulator.admin().records("ContentDocument").size());
    }
}
