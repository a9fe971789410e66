package io.switchboard.mapping;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code config/call.yaml}: the triggers that pick calls, and the configurations that say how to write them. */
public record CallMapping(Path file, List<Trigger> triggers, Map<String, CallConfiguration> configurations,
                          List<ObjectUse> objectUses) {
    public CallMapping {
        triggers = List.copyOf(triggers);
        configurations = Collections.unmodifiableMap(new LinkedHashMap<>(configurations));
        objectUses = List.copyOf(objectUses);
    }

    /** The first active trigger, in file order, whose conditions the call meets. */
    public Optional<Trigger> triggerFor(EventVariables call) {
        return triggers.stream().filter(trigger -> trigger.matches(call)).findFirst();
    }

    /** The configuration a trigger names; the loader guarantees it exists. */
    public CallConfiguration configuration(Trigger trigger) {
        return configurations.get(trigger.configuration());
    }

}
