package io.switchboard.engine;

import io.switchboard.api.AnswerTooLarge;
import io.switchboard.api.ApiBeans;
import io.switchboard.attachments.AttachmentDownloads;
import io.switchboard.attachments.DownloadSettings;
import io.switchboard.config.ConfigException;
import io.switchboard.config.Configuration;
import io.switchboard.config.EngineOptions;
import io.switchboard.config.EngineSettings;
import io.switchboard.console.ConsoleBeans;
import io.switchboard.intake.IntakeBeans;
import io.switchboard.intake.IntakeSettings;
import io.switchboard.mapping.LiveMappings;
import io.switchboard.mapping.MappingFilesWatcher;
import io.switchboard.observe.ShowHealth;
import io.switchboard.observe.ShowMetrics;
import io.switchboard.processing.EventWorker;
import io.switchboard.processing.InRouteRetrySettings;
import io.switchboard.processing.ProcessingStats;
import io.switchboard.processing.RedeliverInRoute;
import io.switchboard.processing.SessionExpired;
import io.switchboard.processing.WorkerSettings;
import io.switchboard.routes.RouteFileCheck;
import io.switchboard.routes.RouteProblem;
import io.switchboard.routes.SafeRouteReload;
import io.switchboard.salesforce.ApiPauseSettings;
import io.switchboard.salesforce.ConnectionLogins;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.KnownConversionMisses;
import io.switchboard.salesforce.LoginRefusedException;
import io.switchboard.salesforce.LoginSettings;
import io.switchboard.salesforce.SalesforceCallGuard;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.salesforce.SalesforceComponents;
import io.switchboard.salesforce.WriteFence;
import io.switchboard.schedule.ClusteredScheduler;
import io.switchboard.store.EventStore;
import io.switchboard.store.LiveNodes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running engine: camel-main with the YAML routes from {@code routes/}, one camel-salesforce component per
 * configured connection, the HTTP server on the configured port, the event store, the worker that feeds
 * stored events to the routes, and the connections' logins, made once Camel has started.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    static final String ROUTE_SUFFIX = ".camel.yaml";

    private final Main main;
    private final EngineSettings settings;
    private final IntakeSettings intakeSettings;
    private final WorkerSettings workerSettings;
    private final InRouteRetrySettings inRouteRetry;
    private final ApiPauseSettings pauseSettings;
    private final LoginSettings loginSettings;
    private final DownloadSettings downloadSettings;
    private final Map<String, ConnectionSettings> connections;
    private SalesforceClients clients;
    private EventStore store;
    /** Asked before every Salesforce write an event makes, and before a campaign batch goes out. */
    private WriteFence writeFence;
    private EventWorker worker;
    private ConnectionLogins logins;
    private MappingFilesWatcher mappingWatcher;
    private AttachmentDownloads downloads;
    private final ProcessingStats processingStats = new ProcessingStats();

    /** How much of the engine is set up: all of it, or only what the route files name, for checking them. */
    private enum Mode { RUN, CHECK_ROUTES }

    private final Mode mode;

    private Engine(Configuration configuration) {
        this(configuration, Mode.RUN);
    }

    private Engine(Configuration configuration, Mode mode) {
        this.mode = mode;
        this.settings = EngineSettings.from(configuration);
        if (mode == Mode.RUN) {
            settings.requireApiTokenUnlessInsecure();
            requirePortFree(settings.port());
        }
        this.intakeSettings = IntakeSettings.from(configuration);
        this.workerSettings = WorkerSettings.from(configuration);
        this.inRouteRetry = InRouteRetrySettings.from(configuration);
        this.pauseSettings = ApiPauseSettings.from(configuration);
        this.loginSettings = LoginSettings.from(configuration);
        this.downloadSettings = DownloadSettings.from(configuration);
        this.connections = Connections.load(configuration);
        this.main = new Main();
        configureMain(configuration);
        if (mode == Mode.RUN) {
            logEffectiveConfiguration(configuration);
        }
    }

    /**
     * Checks each route file against what the engine would give it (its beans by name, its placeholders, its
     * Salesforce components), without running anything: no HTTP server, no route started, no login, and an empty
     * store in memory in place of the real one, which a running engine may hold.
     */
    public static Map<Path, List<RouteProblem>> checkRouteFiles(Configuration configuration, List<Path> files)
            throws Exception {
        Engine engine = new Engine(configuration, Mode.CHECK_ROUTES);
        try {
            engine.main.start();
            CamelContext context = engine.main.getCamelContext();
            Map<Path, List<RouteProblem>> problems = new LinkedHashMap<>();
            for (Path file : files) {
                Resource resource = ResourceHelper.fromString("file:" + file.toAbsolutePath(), Files.readString(file));
                problems.put(file, RouteFileCheck.check(context, resource));
            }
            return problems;
        } finally {
            engine.close();
        }
    }

    /**
     * Starts the engine and returns once the store, routes, HTTP server and worker are up. Java routes given here
     * run beside the YAML ones from the start, before the worker hands out the first event (for embedding).
     */
    public static Engine start(Configuration configuration, RoutesBuilder... javaRoutes) throws Exception {
        return start(configuration, true, javaRoutes);
    }

    /**
     * Starts the intake, APIs and routes without the worker: events are accepted and stored but not processed.
     * For measuring what the intake and the store sustain on their own.
     */
    public static Engine startIntakeOnly(Configuration configuration) throws Exception {
        return start(configuration, false);
    }

    private static Engine start(Configuration configuration, boolean processEvents, RoutesBuilder... javaRoutes)
            throws Exception {
        Engine engine = new Engine(configuration);
        for (RoutesBuilder routes : javaRoutes) {
            engine.main.configure().addRoutesBuilder(routes);
        }
        try {
            engine.main.start();
            engine.afterCamelStarted();
            engine.startLogins();
            if (processEvents) {
                engine.startWorker();
            }
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** Runs until the process is asked to stop (SIGTERM or Ctrl-C), then shuts down gracefully. */
    public static void runUntilStopped(Configuration configuration) throws Exception {
        Engine engine = new Engine(configuration);
        engine.main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                engine.afterCamelStarted();
                engine.startLogins();
                engine.startWorker();
            }

            @Override
            public void beforeStop(BaseMainSupport main) {
                engine.stopWorker();
                engine.stopLogins();
            }
        });
        try {
            engine.main.run();
        } finally {
            engine.closeDownloads();
            engine.closeStore();
            engine.mappingWatcher.close();
        }
    }

    private void configureMain(Configuration configuration) {
        configuration.camelProperties().forEach(main::addInitialProperty);
        Path routesDir = configuration.configDir().toAbsolutePath().resolveSibling("routes");
        main.addInitialProperty("camel.main.name", "switchboard");
        if (mode == Mode.RUN) {
            main.addInitialProperty("camel.main.routes-include-pattern", "file:" + routesDir + "/*" + ROUTE_SUFFIX);
            main.addInitialProperty("camel.server.enabled", "true");
            main.addInitialProperty("camel.server.port", String.valueOf(settings.port()));
            main.addInitialProperty("camel.server.max-body-size", String.valueOf(intakeSettings.maxBodyBytes()));
        }
        // headers, query parameters and form fields stay out of the message headers: see HttpRequestParts
        main.addInitialProperty("camel.component.platform-http.header-filter-strategy", "#bean:" + ApiBeans.HEADER_FILTER);
        for (ConnectionSettings connection : connections.values()) {
            main.bind(connection.componentName(), mode == Mode.RUN ? SalesforceComponents.createForGatedLogin(connection)
                    : SalesforceComponents.createWithoutLogin(connection));
        }
        // the store opens below; the login that calls this comes after the start
        clients = new SalesforceClients(connections, pauseSettings, loginSettings,
                () -> store.releaseHeld(LoginRefusedException.CODE));
        main.bind("salesforceClients", clients);
        // every Salesforce endpoint, of a route or of a Java step, is wrapped as Camel creates it, and the
        // conversions camel-salesforce tries at each call are answered without a search
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport started) {
                SalesforceCallGuard.install(started.getCamelContext(), clients, writeFence);
                KnownConversionMisses.install(started.getCamelContext());
                if (mode == Mode.RUN) {
                    watchRoutes(started.getCamelContext(), routesDir);
                }
            }
        });
        ApiBeans.bind(main::bind, settings.apiToken(), clients);
        LiveMappings mappings = new LiveMappings(configuration.configDir(), connections.keySet());
        mappingWatcher = MappingFilesWatcher.start(configuration.configDir(), mappings);
        // opened before Camel starts so the routes' processors have it, and so a bad store URL stops start-up
        store = mode == Mode.RUN ? EventStore.open(settings) : EventStore.openThrowaway();
        writeFence = mode == Mode.RUN ? EventWorker.fence(store, workerSettings) : WriteFence.NONE;
        if (mode == Mode.RUN && store.shared()) {
            // on a store several engines share, each scheduled job runs once per tick across them all
            main.bind("quartz", ClusteredScheduler.component(store, workerSettings.nodeId()));
        }
        IntakeBeans.bind(main::bind, store);
        // a settled download makes its waiting event due at once
        downloads = new AttachmentDownloads(downloadSettings, store::makeDue);
        BehaviourBeans.register(main, configuration, mappings, clients, store, downloads, writeFence);
        // routes/salesforce-errors.camel.yaml: which failures a step retries in place, and how often
        main.bind("redeliverInRoute", new RedeliverInRoute());
        main.bind("sessionExpired", new SessionExpired());
        inRouteRetry.placeholders().forEach(main::addInitialProperty);
        LiveNodes nodes = new LiveNodes(store, workerSettings.nodeId(), workerSettings.claimLease(), Clock.systemUTC());
        main.bind("showHealth", new ShowHealth(store, clients, nodes));
        main.bind("showMetrics", new ShowMetrics(store, clients, processingStats, nodes));
        ConsoleBeans.bind(main::bind, Version.current(), settings.apiToken(), store, clients, mappings, nodes);
    }

    /**
     * Refuses to start on a port something else listens on. The HTTP server would only log a warning and the engine
     * would run on without taking a single request.
     */
    private static void requirePortFree(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new ConfigException("port " + port + " is already in use: stop what listens there, or set "
                    + EngineOptions.PORT.envName() + " to a free port");
        }
    }

    /** An edited route file is checked before it replaces the running version (see SafeRouteReload). */
    private static void watchRoutes(CamelContext context, Path routesDir) {
        try {
            context.addService(new SafeRouteReload(routesDir, ROUTE_SUFFIX));
        } catch (Exception e) {
            throw new IllegalStateException("cannot watch " + routesDir + " for edited route files", e);
        }
    }

    private void logEffectiveConfiguration(Configuration configuration) {
        LOG.info("Settings: {}; node id {}", configuration.effective(EngineOptions.ALL), workerSettings.nodeId());
        for (ConnectionSettings connection : connections.values()) {
            LOG.info("Salesforce connection '{}' as component '{}': {}", connection.name(), connection.componentName(),
                    String.join(", ", connection.describe()));
        }
    }

    /** What needs the running HTTP server and routes, then the line that says the engine takes events. */
    private void afterCamelStarted() {
        CamelContext context = main.getCamelContext();
        AnswerTooLarge.register(context, settings.port(), intakeSettings.maxBodyBytes());
        List<String> started = context.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> context.getRouteController().getRouteStatus(id).isStarted()).sorted().toList();
        LOG.info("Switchboard {} ready on http://0.0.0.0:{} (POST /events/TYPE, GET /observe/health); {} routes "
                        + "started: {}; Salesforce connections: {}; event store: {}", Version.current(), settings.port(),
                started.size(), String.join(", ", started), String.join(", ", connections.keySet()),
                settings.dbUrl() == null ? "embedded in " + settings.dataDir().toAbsolutePath().normalize()
                        : EngineSettings.maskUrlPassword(settings.dbUrl()));
    }

    /** After Camel has started, so that the HTTP intake is up whatever Salesforce answers, or how slowly. */
    private void startLogins() {
        logins = ConnectionLogins.start(main.getCamelContext(), clients);
    }

    private void stopLogins() {
        if (logins != null) {
            logins.close();
            logins = null;
        }
    }

    private void startWorker() {
        worker = new EventWorker(main.getCamelContext(), store, workerSettings, processingStats, clients.calls());
        worker.start();
    }

    /** Lets events in flight finish within Camel's shutdown timeout, so their routes are still there for them. */
    private void stopWorker() {
        if (worker == null) {
            return;
        }
        try {
            worker.stop(Duration.ofSeconds(main.getCamelContext().getShutdownStrategy().getTimeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    /** After the worker has stopped: downloads still running are cut off, and their events fetch them again. */
    private void closeDownloads() {
        if (downloads != null) {
            downloads.close();
            downloads = null;
        }
    }

    private void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public Map<String, ConnectionSettings> connections() {
        return connections;
    }

    /** The engine's Salesforce clients: one per connection, each with the connection's login gate and pause. */
    public SalesforceClients salesforceClients() {
        return clients;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The event store, for the CLI and for health checks. */
    public EventStore store() {
        return store;
    }

    /** Stops taking new events, lets those in flight finish, then stops Camel and closes the store. */
    @Override
    public void close() {
        stopWorker();
        stopLogins();
        main.stop();
        closeDownloads();
        closeStore();
        if (mappingWatcher != null) {
            mappingWatcher.close();
        }
    }
}
