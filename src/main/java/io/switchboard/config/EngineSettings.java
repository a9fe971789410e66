package io.switchboard.config;

import java.nio.file.Path;

/** The typed engine-wide settings, read once at start-up from a {@link Configuration}. */
public record EngineSettings(int port, Path dataDir, String dbUrl, Secret apiToken, boolean insecure) {

    public static EngineSettings from(Configuration configuration) {
        configuration.requireIndirect(EngineOptions.API_TOKEN.key());
        return new EngineSettings(
                EngineOptions.PORT.read(configuration),
                Path.of(EngineOptions.DATA_DIR.read(configuration)),
                EngineOptions.DB_URL.read(configuration),
                EngineOptions.API_TOKEN.read(configuration),
                EngineOptions.INSECURE.read(configuration));
    }

    /** Refuses to serve an open intake: without a token every caller could write into Salesforce. */
    public void requireApiTokenUnlessInsecure() {
        if (apiToken == null && !insecure) {
            throw new ConfigException("SWITCHBOARD_API_TOKEN is not set. Set it to the bearer token callers must send, "
                    + "or set SWITCHBOARD_INSECURE=true to run without one (local experiments only).");
        }
    }

    /** JDBC URLs may carry {@code password=...}; keep it out of logs. */
    public static String maskUrlPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }
}
