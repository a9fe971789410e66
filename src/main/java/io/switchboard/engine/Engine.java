package io.switchboard.engine;

import io.switchboard.config.Configuration;
import io.switchboard.config.EngineSettings;
import io.switchboard.api.RequireApiToken;
import io.switchboard.api.SObjectsApi;
import io.switchboard.mapping.MappingFiles;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.SalesforceComponents;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running engine: camel-main with the YAML routes from {@code routes/}, one camel-salesforce component per
 * configured connection, and the HTTP server on the configured port.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    static final String ROUTE_FILES = "*.camel.yaml";

    private final Main main;
    private final EngineSettings settings;
    private final Map<String, ConnectionSettings> connections;

    private Engine(Configuration configuration) {
        this.settings = EngineSettings.from(configuration);
        settings.requireApiTokenUnlessInsecure();
        this.connections = Connections.load(configuration);
        this.main = new Main();
        configureMain(configuration);
        logEffectiveConfiguration();
    }

    /** Starts the engine and returns once routes and the HTTP server are up. */
    public static Engine start(Configuration configuration) throws Exception {
        Engine engine = new Engine(configuration);
        engine.main.start();
        return engine;
    }

    /** Runs until the process is asked to stop (SIGTERM or Ctrl-C), then shuts down gracefully. */
    public static void runUntilStopped(Configuration configuration) throws Exception {
        new Engine(configuration).main.run();
    }

    private void configureMain(Configuration configuration) {
        configuration.camelProperties().forEach(main::addInitialProperty);
        Path routesDir = configuration.configDir().toAbsolutePath().resolveSibling("routes");
        main.addInitialProperty("camel.main.name", "switchboard");
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + routesDir + "/" + ROUTE_FILES);
        watchRoutes(routesDir);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", String.valueOf(settings.port()));
        for (ConnectionSettings connection : connections.values()) {
            main.bind(connection.componentName(), SalesforceComponents.create(connection));
        }
        SalesforceClients clients = new SalesforceClients(connections);
        main.bind("salesforceClients", clients);
        main.bind("requireApiToken", new RequireApiToken(settings.apiToken()));
        main.bind("sobjectsApi", new SObjectsApi(clients));
        BehaviourBeans.register(main, MappingFiles.load(configuration.configDir(), connections.keySet()), clients);
    }

    /**
     * An edited route file replaces only its own routes. Camel's default (remove all, then load all) would take
     * every route down on a broken edit; this way the broken file is refused with a log line and the previous
     * version keeps serving.
     */
    private void watchRoutes(Path routesDir) {
        main.addInitialProperty("camel.main.routes-reload-enabled", "true");
        main.addInitialProperty("camel.main.routes-reload-directory", routesDir.toString());
        main.addInitialProperty("camel.main.routes-reload-pattern", ROUTE_FILES);
        main.addInitialProperty("camel.main.routes-reload-remove-all-routes", "false");
    }

    private void logEffectiveConfiguration() {
        LOG.info("Engine settings: {}", String.join(", ", settings.describe()));
        for (ConnectionSettings connection : connections.values()) {
            LOG.info("Salesforce connection '{}' as component '{}': {}", connection.name(), connection.componentName(),
                    String.join(", ", connection.describe()));
        }
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public Map<String, ConnectionSettings> connections() {
        return connections;
    }

    public EngineSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        main.stop();
    }
}
