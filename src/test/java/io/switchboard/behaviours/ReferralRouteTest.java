package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.example;
import static io.switchboard.behaviours.EventRuns.only;
import static io.switchboard.behaviours.EventRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.EngineAgainstEmulator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shipped referral-status-changed route and config, fed the example event over HTTP. */
class ReferralRouteTest {
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().resettingOrgBeforeEach();

    /** The example's record id does not exist in the emulator; the seeded referral stands in for it. */
    private static ObjectNode referralChange() throws Exception {
        return example("referral-status-changed").put("salesforceRecordId", SeededOrg.REFERRAL_ID);
    }

    @Test
    void shouldWriteTheMappedStatusAndTheReceivingFirmBackToTheReferral() throws Exception {
        JsonNode event = run(rig.engine(), "referral-status-changed", referralChange());

        assertEquals("done", event.path("status").asText(), event.toString());
        assertEquals("Referral__c", event.path("records").path(0).path("sobject").asText());
        assertEquals(SeededOrg.REFERRAL_ID, event.path("records").path(0).path("id").asText());
        assertEquals("updated", event.path("records").path(0).path("action").asText());
        Map<String, Object> referral = only(rig.emulator().admin().records("Referral__c"), "Id", SeededOrg.REFERRAL_ID);
        assertEquals("Accepted", referral.get("Status__c"));
        assertEquals("Smith & Partners LLP", referral.get("Receiving_Firm__c"));
        assertEquals(SeededOrg.REFERRAL_CX_ID, referral.get("CX_Id__c"), "cxIdField is not configured by default");
    }

    @Test
    void shouldSkipAChangeOfAReferralThatWasNotSentFromSalesforce() throws Exception {
        Map<String, Object> before = only(rig.emulator().admin().records("Referral__c"), "Id", SeededOrg.REFERRAL_ID);
        ObjectNode change = referralChange();
        change.remove("salesforceRecordId");

        JsonNode event = run(rig.engine(), "referral-status-changed", change);

        assertEquals("skipped", event.path("status").asText(), event.toString());
        assertEquals("referral was not sent from Salesforce", event.path("error").path("message").asText());
        assertEquals(before, only(rig.emulator().admin().records("Referral__c"), "Id", SeededOrg.REFERRAL_ID));
    }

    @Test
    void shouldFailAStatusOutsideTheConfiguredListNamingIt() throws Exception {
        JsonNode event = run(rig.engine(), "referral-status-changed", referralChange().put("status", "Teleported"));

        assertEquals("failed", event.path("status").asText(), event.toString());
        String message = event.path("error").path("message").asText();
        assertTrue(message.startsWith("status 'Teleported' is not a Case Xchange status listed in "), message);
        assertTrue(message.endsWith("expected one of Pending, Under Evaluation, Accepted, Rejected, Signed Up, Closed"),
                message);
        assertEquals("Pending", only(rig.emulator().admin().records("Referral__c"), "Id", SeededOrg.REFERRAL_ID)
                .get("Status__c"));
    }

    @Test
    void shouldFailWithSalesforcesOwnErrorWhenTheRecordDoesNotExist() throws Exception {
        JsonNode event = run(rig.engine(), "referral-status-changed", example("referral-status-changed"));

        assertEquals("failed", event.path("status").asText(), event.toString());
        assertEquals("NOT_FOUND", event.path("error").path("code").asText(), event.toString());
    }
}
