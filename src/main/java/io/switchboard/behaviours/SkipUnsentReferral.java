package io.switchboard.behaviours;

import io.switchboard.events.ReferralStatusChanged;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Skips a referral status change that carries no Salesforce record id: there is no record to write back to. */
public final class SkipUnsentReferral implements Processor {
    static final String REASON = "referral was not sent from Salesforce";

    @Override
    public void process(Exchange exchange) {
        String recordId = exchange.getMessage().getBody(ReferralStatusChanged.class).salesforceRecordId();
        if (recordId == null || recordId.isBlank()) {
            Outcomes.skip(exchange, REASON);
        }
    }
}
