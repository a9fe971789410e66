package io.switchboard.config;

import java.util.List;

/** The engine-wide options, each with its environment variable, default and meaning (contract section 2). */
public final class EngineOptions {
    public static final Option PORT = Option.of("switchboard.port", "SWITCHBOARD_PORT", "8080",
            "HTTP port for intake, API and health");
    public static final Option DATA_DIR = Option.of("switchboard.data-dir", "SWITCHBOARD_DATA_DIR", "./data",
            "where the embedded event store lives");
    public static final Option DB_URL = Option.of("switchboard.db-url", "SWITCHBOARD_DB_URL", null,
            "JDBC URL of the event store; empty means an embedded H2 file under the data dir");
    public static final Option API_TOKEN = Option.secret("switchboard.api-token", "SWITCHBOARD_API_TOKEN",
            "bearer token required on every /events and /api call");
    public static final Option INSECURE = Option.of("switchboard.insecure", "SWITCHBOARD_INSECURE", "false",
            "true lets the engine start without an API token (local experiments only)");

    public static final List<Option> ALL = List.of(PORT, DATA_DIR, DB_URL, API_TOKEN, INSECURE);

    private EngineOptions() {
    }
}
