package io.switchboard.behaviours;

import io.switchboard.events.ReferralStatusChanged;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.ReferralMapping;
import io.switchboard.salesforce.ConnectionOptions;
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

    public WriteBackReferralStatus(Supplier<Mappings> mappings, ConnectionSteps steps) {
        this.mappings = mappings;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ReferralStatusChanged change = exchange.getMessage().getBody(ReferralStatusChanged.class);
        ReferralMapping mapping = mappings.get().referral();
        String recordId = change.salesforceRecordId().strip();
        steps.client(exchange, ConnectionOptions.DEFAULT)
                .update(mapping.object(), recordId, mapping.fields(change));
        Outcomes.of(exchange).produced(mapping.object(), recordId, "updated");
    }
}
