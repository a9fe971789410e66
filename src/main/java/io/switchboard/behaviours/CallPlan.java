package io.switchboard.behaviours;

import io.switchboard.events.Call;
import io.switchboard.mapping.CallConfiguration;
import io.switchboard.mapping.CreateModule;
import io.switchboard.mapping.EventVariables;
import io.switchboard.mapping.Person;
import io.switchboard.mapping.Trigger;
import io.switchboard.salesforce.ConnectionSettings;
import java.util.Optional;

/**
 * What the call route has settled so far for one call, carried between its steps as the exchange property
 * {@link #PROPERTY}: the trigger that took it and its configuration, then the person the number led to (none when
 * nobody matched and nothing was created) and the user who will own the ticket.
 */
public record CallPlan(Call call, EventVariables variables, Trigger trigger, CallConfiguration configuration,
                       Person person, String ownerId) {
    public static final String PROPERTY = "switchboardCallPlan";

    static CallPlan of(Call call, EventVariables variables, Trigger trigger, CallConfiguration configuration) {
        return new CallPlan(call, variables, trigger, configuration, null, null);
    }

    /** The connection the trigger sends the call to. */
    public String connection() {
        return trigger.connection();
    }

    /** The camel-salesforce component of that connection, for the route's Salesforce steps. */
    public String component() {
        return ConnectionSettings.componentName(connection());
    }

    /**
     * What to create for the customer: when the number matched nobody, the object the configuration's create module
     * names (Contact, Lead or Account); null when someone matched, the call has no number, or the module is none.
     */
    public String personToCreate() {
        String number = call.customerNumber();
        CreateModule module = configuration.create();
        return person != null || number == null || number.isBlank() || module == CreateModule.NONE ? null : module.label();
    }

    public Optional<Person> matchedPerson() {
        return Optional.ofNullable(person);
    }

    CallPlan withPerson(Person found) {
        return new CallPlan(call, variables, trigger, configuration, found, ownerId);
    }

    CallPlan withOwner(String userId) {
        return new CallPlan(call, variables, trigger, configuration, person, userId);
    }

    /**
     * Names the trigger and the records only: the call and its variables carry the caller's number and the agent's
     * name, which must reach no log, and Camel writes this text each time a route's predicate about the plan is
     * false (the call route's first filter, for every call), so it is also kept short.
     */
    @Override
    public String toString() {
        return "CallPlan[trigger=" + trigger.name() + ", connection=" + connection() + ", person="
                + (person == null ? "none" : person.sobject() + " " + person.id()) + ", owner=" + ownerId + "]";
    }
}
