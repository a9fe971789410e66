package io.switchboard.emulator;

import static io.switchboard.emulator.seed.SeededOrg.CUSTOMER_COMMENT_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.SEEDED_CASE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.seed.SeededOrg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Audit fields on insert, update and upsert, and ambiguous upserts, over HTTP against the seeded org. */
class AuditFieldsOverHttpTest extends EmulatorFixture {
    private static final String REFUSED_CREATED_DATE = "Unable to create/update fields: CreatedDate. Please check the"
            + " security settings of this field and verify that it is read/write for your profile or permission set.";

    private static void assertRefused(Answer answer, String code, String message, List<String> fields) {
        assertEquals(400, answer.status(), answer.response().body());
        assertEquals(code, answer.errorCode());
        assertEquals(message, answer.message());
        List<String> named = new ArrayList<>();
        answer.json().get(0).get("fields").forEach(field -> named.add(field.asText()));
        assertEquals(fields, named);
    }

    @Test
    void shouldKeepTheGivenAuditFieldsOfACommentInsertedByTheIntegrationUser() {
        Answer answer = client.post("/sobjects/CaseComment", json("{'ParentId':'" + SEEDED_CASE_ID + "',"
                + "'CommentBody':'Customer: hello','CreatedDate':'2025-06-01T08:30:00.000+0000',"
                + "'CreatedById':'" + CUSTOMER_COMMENT_USER_ID + "'}"));

        assertEquals(201, answer.status(), answer.response().body());
        JsonNode comment = client.get("/sobjects/CaseComment/" + answer.json().get("id").asText()).json();
        assertEquals("2025-06-01T08:30:00.000+0000", comment.get("CreatedDate").asText());
        assertEquals(CUSTOMER_COMMENT_USER_ID, comment.get("CreatedById").asText());
        assertEquals(SEEDED_CASE_ID, comment.get("ParentId").asText());
    }

    @Test
    void shouldRefuseToChangeTheCreatedDateOfAnExistingRecord() {
        String before = client.get("/sobjects/Case/" + SEEDED_CASE_ID).json().get("CreatedDate").asText();

        Answer answer = client.patch("/sobjects/Case/" + SEEDED_CASE_ID,
                json("{'Subject':'Changed','CreatedDate':'2020-01-01T00:00:00.000+0000'}"));

        assertRefused(answer, "INVALID_FIELD_FOR_INSERT_UPDATE", REFUSED_CREATED_DATE, List.of("CreatedDate"));
        JsonNode stored = client.get("/sobjects/Case/" + SEEDED_CASE_ID).json();
        assertEquals(before, stored.get("CreatedDate").asText());
        assertEquals("Existing enquiry", stored.get("Subject").asText());
    }

    @Test
    void shouldRefuseAuditFieldsOnInsertOnceThePermissionIsWithdrawn() {
        Answer withdrawn = client.raw("POST", "/__admin/audit-permission",
                json("{'username':'" + SeededOrg.USERNAME + "','granted':false}"), null);
        assertEquals(204, withdrawn.status());
        int comments = stored("CaseComment");

        Answer answer = client.post("/sobjects/CaseComment", json("{'ParentId':'" + SEEDED_CASE_ID + "',"
                + "'CommentBody':'late','CreatedDate':'2025-06-01T08:30:00.000+0000'}"));

        assertRefused(answer, "INVALID_FIELD_FOR_INSERT_UPDATE", REFUSED_CREATED_DATE, List.of("CreatedDate"));
        assertEquals(comments, stored("CaseComment"));
    }

    @Test
    void shouldRefuseAuditFieldsInAnUpsertThatWouldCreate() {
        int referrals = stored("Referral__c");

        Answer answer = client.patch("/sobjects/Referral__c/CX_Id__c/CX-3001",
                json("{'Name':'REF-3001','CreatedDate':'2025-06-01T08:30:00.000+0000'}"));

        assertRefused(answer, "INVALID_FIELD_FOR_INSERT_UPDATE", REFUSED_CREATED_DATE, List.of("CreatedDate"));
        assertEquals(referrals, stored("Referral__c"));
    }

    @Test
    void shouldRefuseAuditFieldsInAnUpsertThatWouldUpdate() {
        Answer answer = client.patch("/sobjects/Referral__c/CX_Id__c/" + SeededOrg.REFERRAL_CX_ID,
                json("{'Status__c':'Accepted','CreatedDate':'2025-06-01T08:30:00.000+0000'}"));

        assertRefused(answer, "INVALID_FIELD_FOR_INSERT_UPDATE", REFUSED_CREATED_DATE, List.of("CreatedDate"));
        assertEquals("Pending", client.get("/sobjects/Referral__c/" + SeededOrg.REFERRAL_ID).json()
                .get("Status__c").asText());
    }

    @Test
    void shouldAnswerMultipleChoicesWhenTheExternalIdMatchesTwoRecords() {
        String first = emulator.admin().insertRecord("Referral__c", Map.of("Name", "Twin A", "CX_Id__c", "CX-TWIN"));
        String second = emulator.admin().insertRecord("Referral__c", Map.of("Name", "Twin B", "CX_Id__c", "CX-TWIN"));
        int referrals = stored("Referral__c");

        Answer answer = client.patch("/sobjects/Referral__c/CX_Id__c/CX-TWIN", json("{'Status__c':'Accepted'}"));

        assertEquals(300, answer.status(), answer.response().body());
        String base = "/services/data/v" + EmulatorClient.VERSION + "/sobjects/Referral__c/";
        assertEquals(List.of(base + first, base + second),
                List.of(answer.json().get(0).asText(), answer.json().get(1).asText()));
        assertEquals(2, answer.json().size());
        assertEquals(referrals, stored("Referral__c"));
        assertTrue(client.get("/sobjects/Referral__c/" + first).json().get("Status__c").isNull());
        assertTrue(client.get("/sobjects/Referral__c/" + second).json().get("Status__c").isNull());
    }
}
