package io.switchboard.processing;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * The condition of the in-route redelivery in {@code routes/salesforce-errors.camel.yaml}: the failure is one
 * {@link FailureKind} lets a step simply run again.
 */
public final class RedeliverInRoute implements Predicate {
    @Override
    public boolean matches(Exchange exchange) {
        Throwable failure = StepFailure.of(exchange);
        return failure != null && FailureKind.of(failure).redeliverInRoute();
    }
}
