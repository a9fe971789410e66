package io.switchboard.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the placeholders that configuration values may hold: {@code {{env:NAME}}},
 * {@code {{env:NAME:default}}} and {@code {{secret:/path/to/file}}} (a secret file such as a mounted
 * Kubernetes or Docker secret; its content without the trailing newline). The syntax is Camel's, so the
 * files read the same as Camel's own properties.
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(env|secret):([^}:]+)(?::([^}]*))?}}");
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    private final UnaryOperator<String> environment;

    /** @param environment looks up an environment variable; null when unset */
    public Placeholders(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * The value with every placeholder replaced; null when the whole value is a single placeholder whose
     * variable is unset and has no default (the setting counts as absent).
     */
    public String resolve(ConfigFile.Entry entry, ConfigFile file) {
        String raw = entry.rawValue();
        Matcher matcher = PLACEHOLDER.matcher(raw);
        StringBuilder resolved = new StringBuilder();
        boolean anyMissing = false;
        int end = 0;
        while (matcher.find()) {
            resolved.append(raw, end, matcher.start());
            String value = lookup(matcher, entry, file);
            if (value == null) {
                anyMissing = true;
            } else {
                resolved.append(value);
            }
            end = matcher.end();
        }
        resolved.append(raw.substring(end));
        String result = resolved.toString();
        if (ANY_PLACEHOLDER.matcher(result).find()) {
            throw new ConfigException(file.path(), entry.line(),
                    "unknown placeholder in '" + entry.key() + "'; use {{env:NAME}}, {{env:NAME:default}} or {{secret:/path}}");
        }
        return anyMissing && result.isBlank() ? null : result;
    }

    /** Whether the value is given only through the environment or a secret file, as credentials must be. */
    public static boolean isIndirect(String rawValue) {
        return rawValue.isEmpty() || PLACEHOLDER.matcher(rawValue).matches();
    }

    private String lookup(Matcher matcher, ConfigFile.Entry entry, ConfigFile file) {
        String function = matcher.group(1);
        String argument = matcher.group(2).strip();
        String fallback = matcher.group(3);
        if (function.equals("env")) {
            String value = environment.apply(argument);
            return value != null ? value : fallback;
        }
        return readSecretFile(Path.of(argument), entry, file);
    }

    private static String readSecretFile(Path secretFile, ConfigFile.Entry entry, ConfigFile file) {
        try {
            return Files.readString(secretFile, StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new ConfigException(file.path(), entry.line(),
                    "secret file for '" + entry.key() + "' cannot be read: " + secretFile);
        }
    }
}
