package io.switchboard.behaviours;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.EventOutcome;
import io.switchboard.mapping.CallConfiguration;
import io.switchboard.mapping.FieldMapping;
import io.switchboard.mapping.FitToFieldLengths;
import io.switchboard.mapping.MapFields;
import io.switchboard.mapping.Person;
import io.switchboard.mapping.RenderTemplate;
import io.switchboard.mapping.SObjectDescription;
import io.switchboard.mapping.StalePersonMatch;
import io.switchboard.mapping.TicketType;
import io.switchboard.mapping.ValueSource;
import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.salesforce.SalesforceClient;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Creates the call's Task or Case on the trigger's connection: the rendered subject and description, the mapped
 * fields converted to their describe types, the agent's user as owner, and the link to the matched person (a Task's
 * WhoId for a Contact or Lead and WhatId for an Account; a Case's ContactId or AccountId). On a retry, a ticket an
 * earlier attempt created (its answer lost) is reported instead of creating a second one.
 */
public final class CreateCallTicket implements Processor {
    private static final ValueSource CALL_ID = ValueSource.variable("callId");
    private static final List<String> PERSON_FIELDS = List.of("WhoId", "WhatId", "ContactId", "AccountId");

    private final ConnectionSteps steps;
    private final RenderTemplate renderTemplate = new RenderTemplate();
    private final MapFields mapFields = new MapFields();
    private final FitToFieldLengths fitToFieldLengths = new FitToFieldLengths();
    private final FindWrittenTicket findWrittenTicket = new FindWrittenTicket();

    public CreateCallTicket(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        CallPlan plan = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        EventOutcome outcome = Outcomes.of(exchange);
        CallConfiguration configuration = plan.configuration();
        String sobject = configuration.ticketType().sobject();
        SalesforceClient client = steps.client(exchange, plan.connection());
        SObjectDescription ticket = steps.describe(client, sobject);
        ObjectNode fields = mapFields.map(configuration.fields(), plan.variables(), ticket);
        fields.put("Subject", renderTemplate.render(configuration.subject(), plan.variables()));
        String description = renderTemplate.render(configuration.description(), plan.variables());
        if (!description.isEmpty()) {
            fields.put("Description", description);
        }
        // before the retry's look-up, which finds the ticket by the Subject as written
        fitToFieldLengths.fit(ticket, fields, outcome::warn);
        fields.put("OwnerId", plan.ownerId());
        plan.matchedPerson().ifPresent(person -> link(fields, configuration.ticketType(), person, outcome));
        EventAttempt attempt = EventAttempt.of(exchange);
        String id = (attempt.retry()
                ? findWrittenTicket.find(client, sobject, fields, callIdField(configuration), attempt)
                : Optional.<String>empty())
                .orElseGet(() -> create(client, sobject, fields, plan));
        outcome.produced(sobject, id, "created");
    }

    /** A person remembered from an earlier call but gone since is forgotten, and the call retried. */
    private String create(SalesforceClient client, String sobject, ObjectNode fields, CallPlan plan) {
        try {
            return client.create(sobject, fields).path("id").asText();
        } catch (SalesforceApiException e) {
            Optional<Person> person = plan.matchedPerson();
            throw person.isEmpty() ? e
                    : StalePersonMatch.check(e, person.get(), PERSON_FIELDS, steps.findPerson(client));
        }
    }

    /** The field the configuration fills with the call's id, which tells its ticket from any other. */
    private static Optional<String> callIdField(CallConfiguration configuration) {
        return configuration.fields().stream().filter(mapping -> mapping.source().equals(CALL_ID))
                .map(FieldMapping::field).findFirst();
    }

    private static void link(ObjectNode fields, TicketType ticketType, Person person, EventOutcome outcome) {
        boolean account = person.sobject().equals("Account");
        if (ticketType == TicketType.TASK) {
            fields.put(account ? "WhatId" : "WhoId", person.id());
        } else if (account || person.sobject().equals("Contact")) {
            fields.put(account ? "AccountId" : "ContactId", person.id());
        } else {
            outcome.warn("the caller matched " + person.sobject() + " " + person.id()
                    + ", which a Case cannot refer to; the Case is not linked to a person");
        }
    }
}
