package io.switchboard.contacts;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/** After a {@code deleteSObject} step: the Contact it deleted, by the operation's id header, as deleted. */
final class ReportDeletedContact implements Processor {
    @Override
    public void process(Exchange exchange) {
        ContactExchange.outcome(exchange).produced(ContactSteps.CONTACT,
                exchange.getMessage().getHeader(SalesforceEndpointConfig.SOBJECT_ID, String.class), "deleted");
    }
}
