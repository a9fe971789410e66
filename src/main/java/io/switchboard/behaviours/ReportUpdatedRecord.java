package io.switchboard.behaviours;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/** After an {@code updateSObject} step: the record it updated, by the operation's object and id headers, as updated. */
public final class ReportUpdatedRecord implements Processor {
    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Outcomes.of(exchange).produced(message.getHeader(SalesforceEndpointConfig.SOBJECT_NAME, String.class),
                message.getHeader(SalesforceEndpointConfig.SOBJECT_ID, String.class), "updated");
    }
}
