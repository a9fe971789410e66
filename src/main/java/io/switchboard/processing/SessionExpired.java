package io.switchboard.processing;

import io.switchboard.salesforce.SalesforceApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * The condition of the immediate redelivery in {@code routes/salesforce-errors.camel.yaml}: Salesforce refused the
 * step's call for its session (401). Nothing was applied, and the step's next call renews the session first.
 */
public final class SessionExpired implements Predicate {
    @Override
    public boolean matches(Exchange exchange) {
        return StepFailure.find(exchange, SalesforceApiException.class).filter(SalesforceApiException::sessionExpired)
                .isPresent();
    }
}
