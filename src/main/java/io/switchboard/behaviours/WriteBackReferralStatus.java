package io.switchboard.behaviours;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ReferralStatusChanged;
import io.switchboard.mapping.FitToFieldLengths;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.ReferralMapping;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.salesforce.SalesforceClient;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import java.util.function.Supplier;

/**
 * Updates the record the referral was sent from with the mapped status, the receiving firm and, when configured,
 * the Case Xchange id and reference number. A status outside the configured list fails the event naming it.
 */
public final class WriteBackReferralStatus implements Processor {
    private final Supplier<Mappings> mappings;
    private final ConnectionSteps steps;
    private final FitToFieldLengths fitToFieldLengths = new FitToFieldLengths();

    public WriteBackReferralStatus(Supplier<Mappings> mappings, ConnectionSteps steps) {
        this.mappings = mappings;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ReferralStatusChanged change = exchange.getMessage().getBody(ReferralStatusChanged.class);
        ReferralMapping mapping = mappings.get().referral();
        String recordId = change.salesforceRecordId().strip();
        SalesforceClient client = steps.client(exchange, ConnectionOptions.DEFAULT);
        ObjectNode fields = fitToFieldLengths.fit(steps.describe(client, mapping.object()), mapping.fields(change),
                Outcomes.of(exchange)::warn);
        client.update(mapping.object(), recordId, fields);
        Outcomes.of(exchange).produced(mapping.object(), recordId, "updated");
    }
}
