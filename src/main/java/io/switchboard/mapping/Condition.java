package io.switchboard.mapping;

import java.util.List;
import java.util.Optional;

/**
 * One condition of a call trigger, on a call variable or custom variable: the value is one of a list (compared
 * without regard to case), or the value is present, or absent.
 *
 * @param custom true when {@code name} is a custom variable (written {@code variables.NAME} in the file)
 */
public record Condition(String name, boolean custom, Test test, List<String> values) {

    /** What the condition asks of the value. */
    public enum Test { ONE_OF, PRESENT, ABSENT }

    public Condition {
        values = List.copyOf(values);
    }

    public boolean matches(EventVariables variables) {
        Optional<String> value = (custom ? variables.customValue(name).map(Object.class::cast) : variables.value(name))
                .map(ValueSource::asText).map(String::strip).filter(text -> !text.isEmpty());
        return switch (test) {
            case PRESENT -> value.isPresent();
            case ABSENT -> value.isEmpty();
            case ONE_OF -> value.isPresent() && values.stream().anyMatch(wanted -> wanted.equalsIgnoreCase(value.get()));
        };
    }

    /** As an operator would write it, for skip reasons: {@code queue present}, {@code direction in [inbound]}. */
    public String describe() {
        String variable = custom ? "variables." + name : name;
        return switch (test) {
            case PRESENT -> variable + " present";
            case ABSENT -> variable + " absent";
            case ONE_OF -> variable + " in " + values;
        };
    }
}
