package io.switchboard.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The typed engine-wide settings, read once at start-up from a {@link Configuration}. */
public record EngineSettings(int port, Path dataDir, String dbUrl, Secret apiToken, boolean insecure) {

    public static EngineSettings from(Configuration configuration) {
        configuration.requireIndirect(EngineOptions.API_TOKEN.key());
        return new EngineSettings(
                parsePort(configuration.value(EngineOptions.PORT)),
                Path.of(configuration.value(EngineOptions.DATA_DIR)),
                configuration.value(EngineOptions.DB_URL),
                Secret.ofNullable(configuration.value(EngineOptions.API_TOKEN)),
                Boolean.parseBoolean(configuration.value(EngineOptions.INSECURE)));
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException(EngineOptions.PORT.envName() + " must be a port number 0-65535, got '" + value + "'");
        }
    }

    /** Refuses to serve an open intake: without a token every caller could write into Salesforce. */
    public void requireApiTokenUnlessInsecure() {
        if (apiToken == null && !insecure) {
            throw new ConfigException("SWITCHBOARD_API_TOKEN is not set. Set it to the bearer token callers must send, "
                    + "or set SWITCHBOARD_INSECURE=true to run without one (local experiments only).");
        }
    }

    /** The effective settings as printable lines, secrets masked. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("port=" + port);
        lines.add("data-dir=" + dataDir);
        lines.add("db-url=" + (dbUrl == null ? "(embedded H2 under data-dir)" : maskUrlPassword(dbUrl)));
        lines.add("api-token=" + Secret.describe(apiToken));
        lines.add("insecure=" + insecure);
        return lines;
    }

    /** JDBC URLs may carry {@code password=...}; keep it out of logs. */
    public static String maskUrlPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }
}
