package io.switchboard.behaviours.conversation;

import io.switchboard.behaviours.ConnectionSteps;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/**
 * The next of the planned {@code /composite} requests as the body of the route's Salesforce step, and the path of
 * {@code /composite} on the connection's API version as its header.
 */
public final class NextCaseWrite implements Processor {
    private final ConnectionSteps steps;

    public NextCaseWrite(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        CaseWrites plan = ConversationExchange.required(exchange, CaseWrites.PROPERTY, CaseWrites.class, "planCaseWrites");
        String apiVersion = steps.client(exchange, ConversationExchange.CONNECTION).connection().apiVersion();
        exchange.getMessage().setHeader(SalesforceEndpointConfig.RAW_PATH, "/services/data/v" + apiVersion + "/composite");
        exchange.getMessage().setBody(plan.nextRequest().toString());
    }
}
