package io.switchboard.mapping;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one value of a template or field map comes from: fixed text, an event variable, a call's custom
 * variable, or a picklist value (fixed text that is checked against the field's active picklist values).
 */
public record ValueSource(Kind kind, String value) {

    /** The forms a value can take in a mapping file, each written as a one-key mapping such as {@code variable: queue}. */
    public enum Kind {
        STRING("string"), VARIABLE("variable"), CUSTOM_VARIABLE("customVariable"), PICKLIST("picklist");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key that names this form in a mapping file. */
        public String key() {
            return key;
        }
    }

    public static ValueSource string(String text) {
        return new ValueSource(Kind.STRING, text);
    }

    public static ValueSource variable(String name) {
        return new ValueSource(Kind.VARIABLE, name);
    }

    public static ValueSource customVariable(String name) {
        return new ValueSource(Kind.CUSTOM_VARIABLE, name);
    }

    /** The value for this event: typed for variables (Instant, LocalDate, Integer, String), empty when absent. */
    public Optional<Object> resolve(EventVariables variables) {
        return switch (kind) {
            case STRING, PICKLIST -> Optional.of(value);
            case VARIABLE -> variables.value(value);
            case CUSTOM_VARIABLE -> variables.customValue(value).map(Object.class::cast);
        };
    }

    /** The value as text: instants as Salesforce datetimes, so a template shows the same form Salesforce does. */
    public String render(EventVariables variables) {
        return resolve(variables).map(ValueSource::asText).orElse("");
    }

    static String asText(Object value) {
        return value instanceof Instant instant ? SalesforceValues.datetime(instant) : value.toString();
    }
}
