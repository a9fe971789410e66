package io.switchboard.behaviours.conversation;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.processing.FailureKind;
import io.switchboard.processing.StepFailure;
import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.salesforce.SalesforceClient;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request refused for good after the Case was written: the Case goes (and its comments with it), so that the
 * failed event leaves nothing half written, and the refusal fails the event. As the condition of its clause in
 * {@code routes/salesforce-errors.camel.yaml} it recognises such a refusal; a transient failure or a wait keeps the
 * Case, whose retry writes what is missing.
 */
public final class IncompleteCase implements Predicate, Processor {
    private static final Logger LOG = LoggerFactory.getLogger(IncompleteCase.class);

    private final ConnectionSteps steps;

    public IncompleteCase(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public boolean matches(Exchange exchange) {
        Throwable failure = StepFailure.of(exchange);
        CaseWrites plan = exchange.getProperty(CaseWrites.PROPERTY, CaseWrites.class);
        return failure instanceof SalesforceApiException && FailureKind.of(failure) == FailureKind.PERMANENT
                && plan != null && !plan.createsCase();
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = StepFailure.of(exchange);
        String caseId = exchange.getProperty(CaseWrites.PROPERTY, CaseWrites.class).caseId().orElseThrow();
        SalesforceClient client = steps.client(exchange, ConversationExchange.CONNECTION);
        try {
            client.sendFor(exchange, "DELETE", "/sobjects/Case/" + caseId, null);
        } catch (SalesforceApiException e) {
            failure.addSuppressed(e);
            LOG.warn("Case {} is incomplete and could not be deleted: {} {}", caseId, e.errorCode(), e.getMessage());
        }
    }
}
