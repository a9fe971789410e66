package io.switchboard.behaviours;

import io.switchboard.lookup.StalePersonMatch;
import io.switchboard.mapping.Person;
import io.switchboard.processing.StepFailure;
import io.switchboard.salesforce.SalesforceApiException;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;

/**
 * A ticket refused because the person it links to no longer exists: remembered from an earlier call, and deleted
 * or merged since. As the condition of its clause in {@code routes/salesforce-errors.camel.yaml} it recognises the
 * refusal; as the clause's step it forgets the person and puts {@link StalePersonMatch} in the refusal's place, a
 * failure the worker retries from the search.
 */
public final class StaleCallPerson implements Predicate, Processor {
    private static final List<String> PERSON_FIELDS = List.of("WhoId", "WhatId", "ContactId", "AccountId");

    private final ConnectionSteps steps;

    public StaleCallPerson(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public boolean matches(Exchange exchange) {
        return refusal(exchange).filter(refusal -> StalePersonMatch.gone(refusal, PERSON_FIELDS)).isPresent()
                && person(exchange).isPresent();
    }

    @Override
    public void process(Exchange exchange) {
        CallPlan plan = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        // the clause does not handle the failure: Camel fails the route with the caught exception, this one
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, StalePersonMatch.forget(refusal(exchange).orElseThrow(),
                person(exchange).orElseThrow(), steps.findPerson(steps.client(exchange, plan.connection()))));
    }

    private static Optional<SalesforceApiException> refusal(Exchange exchange) {
        return StepFailure.of(exchange) instanceof SalesforceApiException refusal ? Optional.of(refusal)
                : Optional.empty();
    }

    private static Optional<Person> person(Exchange exchange) {
        CallPlan plan = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        return plan == null ? Optional.empty() : plan.matchedPerson();
    }
}
