package io.switchboard.behaviours;

import io.switchboard.events.EventOutcome;
import io.switchboard.mapping.CallConfiguration;
import io.switchboard.mapping.CreateModule;
import io.switchboard.mapping.Person;
import io.switchboard.mapping.PersonSearchResult;
import io.switchboard.salesforce.SalesforceClient;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Finds the person the customer's number belongs to, on the objects the configuration's search module names
 * (Phone plus its extra field), reported as linked, and creates one per its create module when nobody matches. The caller's name
 * names a created person on inbound calls; on outbound calls nobody's name is known, so the number is used.
 */
public final class FindCallPerson implements Processor {
    private final ConnectionSteps steps;

    public FindCallPerson(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        CallPlan plan = exchange.getProperty(CallPlan.PROPERTY, CallPlan.class);
        EventOutcome outcome = Outcomes.of(exchange);
        String number = plan.call().customerNumber();
        if (number == null || number.isBlank()) {
            outcome.warn("the call has no customer number; no person was searched for");
            return;
        }
        SalesforceClient client = steps.client(exchange, plan.connection());
        CallConfiguration configuration = plan.configuration();
        PersonSearchResult search = steps.findPerson(client).find(number, configuration.searchTargets());
        search.warnings().forEach(outcome::warn);
        search.found().ifPresent(found -> outcome.produced(found.sobject(), found.id(), "linked"));
        Optional<Person> person = search.found().or(() -> create(client, plan, number, outcome));
        person.ifPresent(found -> exchange.setProperty(CallPlan.PROPERTY, plan.withPerson(found)));
    }

    private Optional<Person> create(SalesforceClient client, CallPlan plan, String number, EventOutcome outcome) {
        CreateModule module = plan.configuration().create();
        if (module == CreateModule.NONE) {
            return Optional.empty();
        }
        String name = "inbound".equals(plan.call().direction()) ? plan.call().callerName() : null;
        Person created = steps.createPerson(client).create(module, number, name, outcome::warn);
        steps.findPerson(client).remember(number, plan.configuration().searchTargets(), created);
        outcome.produced(created.sobject(), created.id(), "created");
        return Optional.of(created);
    }
}
