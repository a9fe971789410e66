package io.switchboard.behaviours;

import io.switchboard.events.Call;
import io.switchboard.mapping.CallConfiguration;
import io.switchboard.mapping.EventVariables;
import io.switchboard.mapping.Person;
import io.switchboard.mapping.Trigger;
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

    public Optional<Person> matchedPerson() {
        return Optional.ofNullable(person);
    }

    CallPlan withPerson(Person found) {
        return new CallPlan(call, variables, trigger, configuration, found, ownerId);
    }

    CallPlan withOwner(String userId) {
        return new CallPlan(call, variables, trigger, configuration, person, userId);
    }
}
