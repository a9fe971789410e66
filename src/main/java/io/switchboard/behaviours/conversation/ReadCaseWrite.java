package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.lookup.StalePersonMatch;
import io.switchboard.mapping.ConversationClosedMapping;
import io.switchboard.mapping.Person;
import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.salesforce.SalesforceClient;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads the answer of the route's {@code composite} step. An all-or-none request Salesforce rolled back answers 200
 * with the subrequest error that caused it, which fails the step as Salesforce's refusal: as
 * {@link AuditFieldsNotPermitted} when the org no longer lets the user set comment authors and times (CaseComment is
 * described afresh next time), as {@link StalePersonMatch} when the first request's Contact, remembered from an
 * earlier event, was deleted or merged since (forgotten, and the event retried from the search).
 */
public final class ReadCaseWrite implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<ConversationClosedMapping> mapping;
    private final ConnectionSteps steps;

    public ReadCaseWrite(Supplier<ConversationClosedMapping> mapping, ConnectionSteps steps) {
        this.mapping = mapping;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        CaseWrites plan = ConversationExchange.required(exchange, CaseWrites.PROPERTY, CaseWrites.class, "planCaseWrites");
        boolean createsCase = plan.createsCase();
        try {
            plan.answered(JSON.readTree(exchange.getMessage().getBody(String.class)));
        } catch (SalesforceApiException refusal) {
            SalesforceClient client = steps.client(exchange, ConversationExchange.CONNECTION);
            if (auditRefusal(refusal)) {
                steps.describes().forget(client, "CaseComment");
                throw new AuditFieldsNotPermitted(client.connection(), refusal);
            }
            if (createsCase) {
                Person contact = exchange.getProperty(FindConversationContact.PROPERTY, Person.class);
                throw StalePersonMatch.check(refusal, contact, List.of("ContactId"), steps.findPerson(client));
            }
            throw refusal;
        }
    }

    private boolean auditRefusal(SalesforceApiException e) {
        return mapping.get().auditFields() && "INVALID_FIELD_FOR_INSERT_UPDATE".equals(e.errorCode())
                && RequireAuditPermission.AUDIT_FIELDS.stream().anyMatch(e.fields()::contains);
    }
}
