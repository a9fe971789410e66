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
import io.switchboard.mapping.SearchTarget;
import io.switchboard.mapping.TicketType;
import io.switchboard.mapping.ValueSource;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Composes the call's Task or Case as the body of the route's {@code createSObject} step: the rendered subject and
 * description, the mapped fields converted to their describe types, free text cut to its field, the agent's user as
 * owner, and the link to the matched person (a Task's WhoId for a Contact or Lead and WhatId for an Account; a Case's
 * ContactId or AccountId). Leaves the {@link CallTicket} for the retry's look-up and the report.
 */
public final class ComposeCallTicket implements Processor {
    private static final ValueSource CALL_ID = ValueSource.variable("callId");

    private final ConnectionSteps steps;
    private final RenderTemplate renderTemplate = new RenderTemplate();
    private final MapFields mapFields = new MapFields();
    private final FitToFieldLengths fitToFieldLengths = new FitToFieldLengths();

    public ComposeCallTicket(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        CallPlan plan = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        EventOutcome outcome = Outcomes.of(exchange);
        CallConfiguration configuration = plan.configuration();
        String sobject = configuration.ticketType().sobject();
        SObjectDescription ticket = steps.describe(steps.client(exchange, plan.connection()), sobject);
        ObjectNode fields = mapFields.map(configuration.fields(), plan.variables(), ticket);
        fields.put("Subject", renderTemplate.render(configuration.subject(), plan.variables()));
        String description = renderTemplate.render(configuration.description(), plan.variables());
        if (!description.isEmpty()) {
            fields.put("Description", description);
        }
        // before the retry's look-up, which finds the ticket by the Subject as written
        fitToFieldLengths.fit(ticket, fields, outcome::warn);
        fields.put("OwnerId", plan.ownerId());
        plan.matchedPerson().ifPresentOrElse(person -> link(fields, configuration.ticketType(), person, outcome),
                // not a failure, but someone reading the ticket in Salesforce will not see whose call it was
                () -> outcome.warn("the " + sobject + " is linked to no person: no "
                        + configuration.searchTargets().stream().map(SearchTarget::sobject).collect(Collectors.joining("/"))
                        + " has the number and the configuration's create module makes none"));
        exchange.setProperty(CallTicket.PROPERTY, new CallTicket(sobject, fields, callIdField(configuration)));
        exchange.getMessage().setBody(fields.toString());
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
