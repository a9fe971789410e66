package io.switchboard.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.CaseAcknowledged;
import io.switchboard.mapping.CaseAcknowledgedMapping;
import io.switchboard.mapping.EventVariables;
import io.switchboard.mapping.FitToFieldLengths;
import io.switchboard.mapping.MapFields;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.SObjectDescription;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.salesforce.SalesforceClient;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import java.util.function.Supplier;

/**
 * Upserts the acknowledged case's intake record by its external id (the event's caseId) with the mapped fields,
 * so a repeat updates the same record; the outcome says whether it was created or updated.
 */
public final class UpsertCxIntake implements Processor {
    private final Supplier<Mappings> mappings;
    private final ConnectionSteps steps;
    private final MapFields mapFields = new MapFields();
    private final FitToFieldLengths fitToFieldLengths = new FitToFieldLengths();

    public UpsertCxIntake(Supplier<Mappings> mappings, ConnectionSteps steps) {
        this.mappings = mappings;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        CaseAcknowledged acknowledged = exchange.getMessage().getBody(CaseAcknowledged.class);
        CaseAcknowledgedMapping mapping = mappings.get().caseAcknowledged();
        SalesforceClient client = steps.client(exchange, ConnectionOptions.DEFAULT);
        SObjectDescription intake = steps.describe(client, mapping.object());
        ObjectNode fields = fitToFieldLengths.fit(intake, mapFields.map(mapping.fields(), EventVariables.of(acknowledged),
                intake), Outcomes.of(exchange)::warn);
        JsonNode answer = client.upsert(mapping.object(), mapping.externalIdField(), acknowledged.caseId(), fields);
        Outcomes.of(exchange).produced(mapping.object(), answer.path("id").asText(),
                answer.path("created").asBoolean() ? "created" : "updated");
    }
}
