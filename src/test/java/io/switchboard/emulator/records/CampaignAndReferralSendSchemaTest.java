package io.switchboard.emulator.records;

import static io.switchboard.emulator.seed.SeededOrg.GIULIA_VERDI_LEAD_ID;
import static io.switchboard.emulator.seed.SeededOrg.MARIA_CONTI_ID;
import static io.switchboard.emulator.seed.SeededOrg.REFERRAL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The seeded org's Campaigns, their members and the fields a referral is sent to Case Xchange with, over HTTP. */
class CampaignAndReferralSendSchemaTest extends EmulatorFixture {

    private static JsonNode field(JsonNode describe, String name) {
        return StreamSupport.stream(describe.get("fields").spliterator(), false)
                .filter(field -> field.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> picklist(JsonNode field) {
        return StreamSupport.stream(field.get("picklistValues").spliterator(), false)
                .map(value -> value.get("value").asText()).toList();
    }

    private String campaign() {
        Answer created = client.post("/sobjects/Campaign", json("{'Name':'Spring reminders','Type':'SMS'}"));
        assertEquals(201, created.status(), created.response().body());
        return created.json().get("id").asText();
    }

    @Test
    void shouldDescribeCampaignMemberStatusAsTheFourOutcomesOfAMessage() {
        JsonNode describe = client.get("/sobjects/CampaignMember/describe").json();

        JsonNode status = field(describe, "Status");
        assertEquals("picklist", status.get("type").asText());
        assertTrue(status.get("restrictedPicklist").asBoolean());
        assertEquals(List.of("Sent", "Delivered", "Failed", "Responded"), picklist(status));
        assertEquals("Campaign", field(describe, "CampaignId").get("referenceTo").get(0).asText());
        assertEquals("Contact", field(describe, "ContactId").get("referenceTo").get(0).asText());
        assertEquals("Lead", field(describe, "LeadId").get("referenceTo").get(0).asText());
        assertFalse(field(describe, "CampaignId").get("nillable").asBoolean());
    }

    @Test
    void shouldAddContactsAndLeadsToACampaignAndMoveTheirStatus() {
        String campaignId = campaign();

        Answer contact = client.post("/sobjects/CampaignMember",
                json("{'CampaignId':'" + campaignId + "','ContactId':'" + MARIA_CONTI_ID + "'}"));
        Answer lead = client.post("/sobjects/CampaignMember", json("{'CampaignId':'" + campaignId + "','LeadId':'"
                + GIULIA_VERDI_LEAD_ID + "','Status':'Delivered'}"));
        assertEquals(201, contact.status(), contact.response().body());
        assertEquals(201, lead.status(), lead.response().body());
        String memberId = contact.json().get("id").asText();
        assertTrue(memberId.startsWith("00v"), memberId);
        assertEquals("Sent", client.get("/sobjects/CampaignMember/" + memberId).json().get("Status").asText());

        Answer responded = client.patch("/sobjects/CampaignMember/" + memberId, json("{'Status':'Responded'}"));
        assertEquals(204, responded.status(), responded.response().body());
        JsonNode members = client.get("/query?q=" + EmulatorClient.encode("SELECT Id, Status, ContactId, LeadId FROM "
                + "CampaignMember WHERE CampaignId = '" + campaignId + "' ORDER BY Status")).json();
        assertEquals(2, members.get("totalSize").asInt());
        assertEquals("Delivered", members.get("records").get(0).get("Status").asText());
        assertEquals(GIULIA_VERDI_LEAD_ID, members.get("records").get(0).get("LeadId").asText());
        assertEquals("Responded", members.get("records").get(1).get("Status").asText());
    }

    @Test
    void shouldRefuseAMemberStatusOutsideThePicklistAndAMemberWithoutACampaign() {
        String campaignId = campaign();

        Answer badStatus = client.post("/sobjects/CampaignMember", json("{'CampaignId':'" + campaignId
                + "','ContactId':'" + MARIA_CONTI_ID + "','Status':'Opened'}"));
        Answer noCampaign = client.post("/sobjects/CampaignMember", json("{'ContactId':'" + MARIA_CONTI_ID + "'}"));

        assertEquals(400, badStatus.status());
        assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", badStatus.errorCode());
        assertEquals(400, noCampaign.status());
        assertEquals("REQUIRED_FIELD_MISSING", noCampaign.errorCode());
        assertEquals(0, stored("CampaignMember"));
    }

    @Test
    void shouldKeepTheReferralSendFieldsAndTheSendFailedStatus() {
        JsonNode describe = client.get("/sobjects/Referral__c/describe").json();
        assertEquals("boolean", field(describe, "Send_To_Case_Xchange__c").get("type").asText());
        assertEquals("double", field(describe, "CX_Send_Number__c").get("type").asText());
        assertTrue(picklist(field(describe, "Status__c")).contains("Send failed"));

        Answer ask = client.patch("/sobjects/Referral__c/" + REFERRAL_ID,
                json("{'Send_To_Case_Xchange__c':true,'CX_Send_Number__c':2,'Status__c':'Send failed'}"));

        assertEquals(204, ask.status(), ask.response().body());
        JsonNode referral = client.get("/sobjects/Referral__c/" + REFERRAL_ID).json();
        assertTrue(referral.get("Send_To_Case_Xchange__c").asBoolean());
        assertEquals(2, referral.get("CX_Send_Number__c").asInt());
        assertEquals("Send failed", referral.get("Status__c").asText());
    }
}
