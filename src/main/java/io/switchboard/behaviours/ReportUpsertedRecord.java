package io.switchboard.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/**
 * After an {@code upsertSObject} step: the record Salesforce answered, created when the upsert inserted it, updated
 * when it found one by the external id.
 */
public final class ReportUpsertedRecord implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void process(Exchange exchange) throws IOException {
        JsonNode answer = JSON.readTree(exchange.getMessage().getBody(String.class));
        Outcomes.of(exchange).produced(exchange.getMessage().getHeader(SalesforceEndpointConfig.SOBJECT_NAME, String.class),
                answer.path("id").asText(), answer.path("created").asBoolean() ? "created" : "updated");
    }
}
