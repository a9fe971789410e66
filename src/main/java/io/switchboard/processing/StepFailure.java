package io.switchboard.processing;

import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The failure of a route step, as the clauses of {@code routes/salesforce-errors.camel.yaml} see it: still on the
 * exchange while a clause's condition is asked, moved to {@link Exchange#EXCEPTION_CAUGHT} while its steps run.
 */
public final class StepFailure {
    private StepFailure() {
    }

    /** The failure, or null when the step did not fail. */
    public static Throwable of(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /** The failure or the first of its causes of that type. */
    public static <T> Optional<T> find(Exchange exchange, Class<T> type) {
        Throwable failure = of(exchange);
        return failure == null ? Optional.empty() : Optional.ofNullable(FailureKind.find(failure, type));
    }
}
