package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.awaitFinished;
import static io.switchboard.behaviours.EventRuns.example;
import static io.switchboard.behaviours.EventRuns.only;
import static io.switchboard.behaviours.EventRuns.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.EngineAgainstEmulator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shipped case-acknowledged route and config, fed the example event over HTTP. */
class CaseAcknowledgedRouteTest {
    private static final String INTAKE = "casexchange__CX_Intake__c";
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject();

    @Test
    void shouldUpsertOneIntakeRecordWithEveryMappedFieldAndUpdateItOnARepeat() throws Exception {
        JsonNode acknowledged = example("case-acknowledged");

        JsonNode first = awaitFinished(rig.engine(), post(rig.engine(), "case-acknowledged", acknowledged, "ack-first"));
        JsonNode second = awaitFinished(rig.engine(), post(rig.engine(), "case-acknowledged", acknowledged, "ack-second"));

        assertEquals("done", first.path("status").asText(), first.toString());
        assertEquals("done", second.path("status").asText(), second.toString());
        Map<String, Object> intake = only(rig.emulator().admin().records(INTAKE), "casexchange__CX_Case_Id__c", "CX-50077");
        assertEquals(1, rig.emulator().admin().records(INTAKE).size());
        assertEquals(INTAKE, first.path("records").path(0).path("sobject").asText());
        assertEquals(intake.get("Id"), first.path("records").path(0).path("id").asText());
        assertEquals("created", first.path("records").path(0).path("action").asText());
        assertEquals(intake.get("Id"), second.path("records").path(0).path("id").asText());
        assertEquals("updated", second.path("records").path(0).path("action").asText());
        assertEquals("REF-2026-1002", intake.get("casexchange__Reference_Number__c"));
        assertEquals("Under Evaluation", intake.get("casexchange__Status__c"));
        assertEquals("Jones Injury Law", intake.get("casexchange__Sending_Firm__c"));
        assertEquals("Motor Vehicle Accident", intake.get("casexchange__Case_Type__c"));
        assertEquals("2026-10-02", intake.get("casexchange__Incident_Date__c"));
        assertEquals("Dana", intake.get("casexchange__Client_First_Name__c"));
        assertEquals("Reyes", intake.get("casexchange__Client_Last_Name__c"));
        assertEquals("+13125550188", intake.get("casexchange__Client_Phone__c"));
        assertEquals("dana.reyes@example.com", intake.get("casexchange__Client_Email__c"));
        assertEquals("Rear-ended at a stop light; seeking representation.", intake.get("casexchange__Description__c"));
        assertEquals("2026-11-20T16:05:00.000+0000", intake.get("casexchange__Acknowledged_At__c"));
    }
}
