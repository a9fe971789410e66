package io.switchboard.config;

/** Reads whole-number options, refusing anything else with a message that names the variable and the range. */
public final class Numbers {
    private Numbers() {
    }

    /** The option's value as a number from {@code min} to {@code max}. */
    public static long inRange(Configuration configuration, Option option, long min, long max) {
        String value = configuration.value(option);
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the range expected
        }
        throw new ConfigException(option.envName() + " (" + option.key() + ") must be a whole number from " + min + " to "
                + max + ", got '" + value + "'");
    }
}
