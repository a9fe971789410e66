package io.switchboard.behaviours;

import io.switchboard.config.ConnectionOptions;
import io.switchboard.events.EventProperties;
import io.switchboard.events.ReferralStatusChanged;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.ReferralMapping;
import io.switchboard.mapping.ReferralUpdate;
import io.switchboard.salesforce.SalesforceClient;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/**
 * Turns a referral's status change into the update of the record it was sent from, for the route's
 * {@code updateSObject} step: the fields of {@code config/referral-status-changed.yaml} (the status through the status
 * map, the receiving firm, and the CX id and reference number when configured) as the body, free text cut to its
 * field, and the object and record id as the operation's headers. A status outside the configured list fails the
 * event naming it.
 */
public final class MapReferralStatus implements Processor {
    private final Supplier<Mappings> mappings;
    private final ConnectionSteps steps;

    public MapReferralStatus(Supplier<Mappings> mappings, ConnectionSteps steps) {
        this.mappings = mappings;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        ReferralStatusChanged change = EventProperties.event(exchange, ReferralStatusChanged.class);
        ReferralMapping mapping = mappings.get().referral();
        SalesforceClient client = steps.client(exchange, ConnectionOptions.DEFAULT);
        ReferralUpdate update = mapping.update(change, steps.describe(client, mapping.object()),
                Outcomes.of(exchange)::warn);
        message.setHeader(SalesforceEndpointConfig.SOBJECT_NAME, update.object());
        message.setHeader(SalesforceEndpointConfig.SOBJECT_ID, update.recordId());
        message.setBody(update.fields().toString());
    }
}
