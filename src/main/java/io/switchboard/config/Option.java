package io.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One setting, declared once: its key in the {@code config/} files, the environment variable that overrides it, the
 * values it allows, its default and a one-line description. Reading and checking a value, the effective
 * configuration logged at start-up, {@code validate} and the README's settings table all come from these
 * declarations ({@link EngineOptions}, {@link ConnectionOptions}). Secret options are masked wherever configuration
 * is printed and may only be given through the environment or a secret file.
 *
 * @param <T> the type a valid value reads as
 */
public final class Option<T> {
    private final String key;
    private final String envName;
    private final String defaultValue;
    private final String description;
    private final boolean secret;
    private final String expected;
    private final Function<String, T> parse;

    private Option(String key, String envName, String defaultValue, String description, boolean secret,
                   String expected, Function<String, T> parse) {
        this.key = key;
        this.envName = envName;
        this.defaultValue = defaultValue;
        this.description = description;
        this.secret = secret;
        this.expected = expected;
        this.parse = parse;
    }

    /** Free text; blank counts as unset. */
    public static Option<String> text(String key, String envName, String defaultValue, String description) {
        return new Option<>(key, envName, defaultValue, description, false, "text", String::strip);
    }

    /** A credential: never printed, never a literal in a file. */
    public static Option<Secret> secret(String key, String envName, String description) {
        return new Option<>(key, envName, null, description, true, "a secret", Secret::ofNullable);
    }

    public static Option<Integer> integer(String key, String envName, int defaultValue, int min, int max,
                                          String description) {
        return new Option<>(key, envName, String.valueOf(defaultValue), description, false,
                "a whole number from " + min + " to " + max, raw -> (int) whole(raw, min, max));
    }

    /** A duration given in milliseconds. */
    public static Option<Duration> millis(String key, String envName, long defaultMillis, long min, long max,
                                          String description) {
        return new Option<>(key, envName, String.valueOf(defaultMillis), description, false,
                "a whole number of milliseconds from " + min + " to " + max,
                raw -> Duration.ofMillis(whole(raw, min, max)));
    }

    /** A share of a whole, such as "of the allowance": above 0 and at most 1. */
    public static Option<Double> share(String key, String envName, double defaultValue, String ofWhat,
                                       String description) {
        return new Option<>(key, envName, String.valueOf(defaultValue), description, false,
                "a share " + ofWhat + " above 0 and at most 1, such as 0.95", Option::share);
    }

    /** One of a few words, case ignored; reads as the word in upper case. */
    public static Option<String> choice(String key, String envName, String defaultValue, String description,
                                        String... choices) {
        List<String> allowed = List.of(choices);
        return new Option<>(key, envName, defaultValue, description, false, "one of " + String.join(", ", allowed),
                raw -> {
                    String word = raw.strip().toUpperCase(Locale.ROOT);
                    if (!allowed.contains(word)) {
                        throw new IllegalArgumentException("not a choice");
                    }
                    return word;
                });
    }

    /** Text of a fixed shape, such as an API version. */
    public static Option<String> matching(String key, String envName, String defaultValue, String pattern,
                                          String expected, String description) {
        Pattern shape = Pattern.compile(pattern);
        return new Option<>(key, envName, defaultValue, description, false, expected, raw -> {
            if (!shape.matcher(raw.strip()).matches()) {
                throw new IllegalArgumentException("wrong shape");
            }
            return raw.strip();
        });
    }

    /** The same option under another key, as each named connection has its own. */
    public Option<T> withKey(String otherKey, String otherEnvName) {
        return new Option<>(otherKey, otherEnvName, defaultValue, description, secret, expected, parse);
    }

    public static Option<Boolean> flag(String key, String envName, boolean defaultValue, String description) {
        return new Option<>(key, envName, String.valueOf(defaultValue), description, false, "true or false",
                Option::flag);
    }

    public String key() {
        return key;
    }

    /** The overriding environment variable; null for a setting that only the files hold. */
    public String envName() {
        return envName;
    }

    /** The default as written in the files; null when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public boolean secret() {
        return secret;
    }

    /** What a valid value looks like, for messages and the settings table. */
    public String expected() {
        return expected;
    }

    /** The value the configuration gives this option (or its default), read as its type; null when unset. */
    public T read(Configuration configuration) {
        return valueOf(configuration.value(this));
    }

    /** {@code raw} read as this option's type, its default when blank; refused naming the option when invalid. */
    public T valueOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return defaultValue == null ? null : parse.apply(defaultValue);
        }
        if (problem(raw).isPresent()) {
            throw new ConfigException(name() + " must be " + expected + ", got '" + (secret ? "****" : raw) + "'");
        }
        return parse.apply(raw);
    }

    /** Why {@code raw} is not a valid value, if it is not. Secrets are never parsed into the message. */
    public Optional<String> problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            parse.apply(raw);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be " + expected + ", got '" + (secret ? "****" : raw) + "'");
        }
    }

    /** How the value shows in printed configuration: secrets masked, unset as such, a URL's password masked. */
    public String show(String raw) {
        if (raw == null || raw.isBlank()) {
            return "(not set)";
        }
        return secret ? "****" : EngineSettings.maskUrlPassword(raw);
    }

    /** The variable and key an operator would look for, e.g. {@code SWITCHBOARD_PORT (switchboard.port)}. */
    public String name() {
        return envName == null ? key : envName + " (" + key + ")";
    }

    private static long whole(String raw, long min, long max) {
        long number = Long.parseLong(raw.strip());
        if (number < min || number > max) {
            throw new IllegalArgumentException("out of range");
        }
        return number;
    }

    private static double share(String raw) {
        double share = Double.parseDouble(raw.strip());
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("out of range");
        }
        return share;
    }

    private static boolean flag(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a flag");
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
