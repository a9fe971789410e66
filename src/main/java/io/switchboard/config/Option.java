package io.switchboard.config;

/**
 * One documented setting: its key in the {@code config/} files, the environment variable that overrides it,
 * its default and a one-line description. Secret options are masked wherever configuration is printed and may
 * only be given through the environment or a secret file.
 */
public record Option(String key, String envName, String defaultValue, String description, boolean secret) {

    public static Option of(String key, String envName, String defaultValue, String description) {
        return new Option(key, envName, defaultValue, description, false);
    }

    public static Option secret(String key, String envName, String description) {
        return new Option(key, envName, null, description, true);
    }
}
