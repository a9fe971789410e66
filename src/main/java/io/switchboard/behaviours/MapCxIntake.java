package io.switchboard.behaviours;

import io.switchboard.config.ConnectionOptions;
import io.switchboard.events.CaseAcknowledged;
import io.switchboard.events.EventProperties;
import io.switchboard.mapping.CaseAcknowledgedMapping;
import io.switchboard.mapping.EventVariables;
import io.switchboard.mapping.FitToFieldLengths;
import io.switchboard.mapping.MapFields;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.SObjectDescription;
import io.switchboard.salesforce.SalesforceClient;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/**
 * Turns an acknowledged case into the upsert of its intake record, for the route's {@code upsertSObject} step: the
 * fields of {@code config/case-acknowledged.yaml} converted to their describe types and cut to fit as the body, and
 * the object, the external-id field and the event's caseId as the operation's headers, so that a repeat updates the
 * same record.
 */
public final class MapCxIntake implements Processor {
    private final Supplier<Mappings> mappings;
    private final ConnectionSteps steps;
    private final MapFields mapFields = new MapFields();
    private final FitToFieldLengths fitToFieldLengths = new FitToFieldLengths();

    public MapCxIntake(Supplier<Mappings> mappings, ConnectionSteps steps) {
        this.mappings = mappings;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        CaseAcknowledged acknowledged = EventProperties.event(exchange, CaseAcknowledged.class);
        CaseAcknowledgedMapping mapping = mappings.get().caseAcknowledged();
        SalesforceClient client = steps.client(exchange, ConnectionOptions.DEFAULT);
        SObjectDescription intake = steps.describe(client, mapping.object());
        message.setHeader(SalesforceEndpointConfig.SOBJECT_NAME, mapping.object());
        message.setHeader(SalesforceEndpointConfig.SOBJECT_EXT_ID_NAME, mapping.externalIdField());
        message.setHeader(SalesforceEndpointConfig.SOBJECT_EXT_ID_VALUE, acknowledged.caseId());
        message.setBody(fitToFieldLengths.fit(intake, mapFields.map(mapping.fields(), EventVariables.of(acknowledged),
                intake), Outcomes.of(exchange)::warn).toString());
    }
}
