package io.switchboard.behaviours;

import io.switchboard.events.Call;
import io.switchboard.events.EventProperties;
import io.switchboard.mapping.CallMapping;
import io.switchboard.mapping.Condition;
import io.switchboard.mapping.EventVariables;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.Trigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Picks the first active trigger of {@code config/call.yaml} whose conditions the call meets, and with it the
 * connection and configuration the call is written with: leaves the {@link CallPlan} as {@value CallPlan#PROPERTY}.
 * When no active trigger takes the call, leaves instead why not, as {@value #NO_TRIGGER}: the call's values for every
 * condition the active triggers ask about; the route then skips the call.
 */
public final class ChooseCallTrigger implements Processor {
    public static final String NO_TRIGGER = "switchboardNoCallTrigger";

    private final Supplier<Mappings> mappings;

    public ChooseCallTrigger(Supplier<Mappings> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void process(Exchange exchange) {
        Call call = EventProperties.event(exchange, Call.class);
        EventVariables variables = EventVariables.of(call);
        CallMapping mapping = mappings.get().call();
        Optional<Trigger> trigger = mapping.triggerFor(variables);
        if (trigger.isEmpty()) {
            exchange.setProperty(NO_TRIGGER, noTriggerReason(mapping, variables));
            return;
        }
        exchange.setProperty(CallPlan.PROPERTY,
                CallPlan.of(call, variables, trigger.get(), mapping.configuration(trigger.get())));
    }

    private static String noTriggerReason(CallMapping mapping, EventVariables variables) {
        List<Trigger> active = mapping.triggers().stream().filter(Trigger::active).toList();
        if (active.isEmpty()) {
            return "no call trigger is active in " + mapping.file().getFileName();
        }
        Map<String, String> asked = new LinkedHashMap<>();
        for (Trigger trigger : active) {
            for (Condition condition : trigger.conditions()) {
                asked.put(condition.custom() ? "variables." + condition.name() : condition.name(),
                        valueOf(condition, variables));
            }
        }
        return "no active trigger matches: " + asked.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
    }

    private static String valueOf(Condition condition, EventVariables variables) {
        Optional<?> value = condition.custom() ? variables.customValue(condition.name())
                : variables.value(condition.name());
        return value.map(Object::toString).orElse("(absent)");
    }
}
