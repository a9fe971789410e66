package io.switchboard.behaviours.steps;

import static io.switchboard.behaviours.steps.StepExchanges.event;
import static io.switchboard.behaviours.steps.StepExchanges.exchangeFor;
import static io.switchboard.behaviours.steps.StepExchanges.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.behaviours.ReportUpdatedRecord;
import io.switchboard.behaviours.ReportUpsertedRecord;
import io.switchboard.events.EventOutcome;
import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import java.io.IOException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.junit.jupiter.api.Test;

/**
 * The steps after the referral route's updateSObject and the intake route's upsertSObject: the record each reports,
 * from the operation's headers and Salesforce's answer.
 */
class ReportWrittenRecordTest {
    @Test
    void shouldReportTheUpdatedRecordByTheOperationsHeaders() {
        Exchange exchange = exchangeFor(event(EventType.REFERRAL_STATUS_CHANGED, "referral-status-changed"));
        exchange.getMessage().setHeader(SalesforceEndpointConfig.SOBJECT_NAME, "Referral__c");
        exchange.getMessage().setHeader(SalesforceEndpointConfig.SOBJECT_ID, "a015g00000XyZ12AAB");
        // updateSObject answers 204: no body to read
        exchange.getMessage().setBody(null);
        new ReportUpdatedRecord().process(exchange);
        assertEquals(List.of(new ProducedRecord("Referral__c", "a015g00000XyZ12AAB", "updated")),
                outcome(exchange).records());
    }

    @Test
    void shouldReportAnUpsertThatInsertedAsCreated() throws IOException {
        Exchange exchange = upserted("{\"id\":\"a025g00000AbC34AAB\",\"success\":true,\"errors\":[],\"created\":true}");
        new ReportUpsertedRecord().process(exchange);
        assertEquals(List.of(new ProducedRecord("casexchange__CX_Intake__c", "a025g00000AbC34AAB", "created")),
                outcome(exchange).records());
    }

    @Test
    void shouldReportAnUpsertThatFoundTheRecordAsUpdated() throws IOException {
        Exchange exchange = upserted("{\"id\":\"a025g00000AbC34AAB\",\"success\":true,\"errors\":[],\"created\":false}");
        new ReportUpsertedRecord().process(exchange);
        assertEquals(List.of(new ProducedRecord("casexchange__CX_Intake__c", "a025g00000AbC34AAB", "updated")),
                outcome(exchange).records());
    }

    @Test
    void shouldRefuseToRunOutsideTheWorker() {
        Exchange exchange = upserted("{\"id\":\"a025g00000AbC34AAB\",\"created\":true}");
        exchange.removeProperty(EventOutcome.PROPERTY);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new ReportUpsertedRecord().process(exchange));
        assertTrue(failure.getMessage().endsWith(
                "needs the exchange property switchboardOutcome; events reach it through the worker"), failure.getMessage());
    }

    private static Exchange upserted(String answer) {
        Exchange exchange = exchangeFor(event(EventType.CASE_ACKNOWLEDGED, "case-acknowledged"));
        exchange.getMessage().setHeader(SalesforceEndpointConfig.SOBJECT_NAME, "casexchange__CX_Intake__c");
        exchange.getMessage().setBody(answer);
        return exchange;
    }
}
