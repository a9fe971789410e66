package io.switchboard.emulator;

import com.sun.net.httpserver.HttpServer;
import io.switchboard.emulator.admin.AdminApi;
import io.switchboard.emulator.admin.ApiAllowance;
import io.switchboard.emulator.admin.EmulatorAdmin;
import io.switchboard.emulator.admin.FaultInjector;
import io.switchboard.emulator.admin.Latency;
import io.switchboard.emulator.admin.RequestLog;
import io.switchboard.emulator.api.RecordSource;
import io.switchboard.emulator.bulk.IngestJobs;
import io.switchboard.emulator.bulk.IngestResource;
import io.switchboard.emulator.composite.CompositeHandler;
import io.switchboard.emulator.query.QueryService;
import io.switchboard.emulator.auth.ConnectedApp;
import io.switchboard.emulator.auth.LoginPolicy;
import io.switchboard.emulator.auth.OAuthService;
import io.switchboard.emulator.auth.SessionRegistry;
import io.switchboard.emulator.records.Describer;
import io.switchboard.emulator.records.OrgClock;
import io.switchboard.emulator.records.OrgModel;
import io.switchboard.emulator.records.OrgSettings;
import io.switchboard.emulator.records.RecordStore;
import io.switchboard.emulator.records.RecordValidator;
import io.switchboard.emulator.records.RecordWriter;
import io.switchboard.emulator.records.ReplicationResource;
import io.switchboard.emulator.records.SObjectResource;
import io.switchboard.emulator.seed.SeedRecords;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.emulator.seed.StandardSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local, stateful and strict Salesforce org over HTTP: login, REST API, Bulk API 2.0 ingest, and an admin API for
 * tests.
 * Queries and composite requests are answered by endpoints plugged in through {@link Builder}.
 */
public final class SalesforceEmulator implements AutoCloseable {
    private static final int THREADS = 256;
    private static final String HOST = "127.0.0.1";

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each small answer waits on
        // Nagle and the client's delayed ACK, about 40 ms per call. Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final EmulatorAdmin admin;
    private final IngestJobs ingestJobs;

    private SalesforceEmulator(HttpServer server, ExecutorService executor, EmulatorAdmin admin,
                               IngestJobs ingestJobs) {
        this.server = server;
        this.executor = executor;
        this.admin = admin;
        this.ingestJobs = ingestJobs;
    }

    /** Starts an emulator answering every resource, SOQL/SOSL and composite included. */
    public static SalesforceEmulator start(EmulatorSettings settings) {
        return builder(settings).start();
    }

    public static Builder builder(EmulatorSettings settings) {
        return new Builder(settings);
    }

    /** The login URL clients use: {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://" + HOST + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EmulatorAdmin admin() {
        return admin;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        ingestJobs.close();
    }

    /** Plugs the query and composite endpoints in before starting. */
    public static final class Builder {
        private final EmulatorSettings settings;
        private final OrgClock clock = new OrgClock(Clock.systemUTC());
        private Function<RecordSource, QueryEndpoints> queries = records -> soqlAndSosl(records, clock);
        private Function<EmulatorServices, RouteHandler> composite = Builder::compositeResources;

        private Builder(EmulatorSettings settings) {
            this.settings = settings;
        }

        private static QueryEndpoints soqlAndSosl(RecordSource records, Clock clock) {
            QueryService service = new QueryService(records, clock);
            return new QueryEndpoints(service::query, service::queryAll, service::queryMore, service::search);
        }

        private static RouteHandler compositeResources(EmulatorServices services) {
            return new CompositeHandler(services.dispatcher(), services.transactions(), services.usage())::handle;
        }

        /** Replaces the SOQL/SOSL engine answering {@code /query}, {@code /queryAll}, {@code /query/{locator}} and {@code /search}. */
        public Builder queries(Function<RecordSource, QueryEndpoints> queries) {
            this.queries = queries;
            return this;
        }

        /** Replaces the handler of every path under {@code /composite}. */
        public Builder composite(Function<EmulatorServices, RouteHandler> composite) {
            this.composite = composite;
            return this;
        }

        public SalesforceEmulator start() {
            OrgModel model = StandardSchema.model();
            OrgSettings orgSettings = new OrgSettings(settings.searchLagMillis(), Set.of(SeededOrg.INTEGRATION_USER_ID));
            RecordStore store = new RecordStore(model.schema(), clock, orgSettings::searchLagMillis);
            RecordWriter writer = new RecordWriter(model, store, new RecordValidator(model, store, orgSettings), clock);
            SeedRecords.populate(writer);
            store.indexAll();

            ApiAllowance allowance = new ApiAllowance(settings.dailyApiLimit());
            SessionRegistry sessions = new SessionRegistry(SeededOrg.ORG_ID,
                    Map.of(SeededOrg.REFRESH_TOKEN, SeededOrg.INTEGRATION_USER_ID));
            LoginPolicy loginPolicy = new LoginPolicy(settings.jwtCertificatePem());
            ConnectedApp app = new ConnectedApp(SeededOrg.CLIENT_ID, SeededOrg.CLIENT_SECRET, SeededOrg.USERNAME,
                    SeededOrg.PASSWORD, SeededOrg.SECURITY_TOKEN);
            // Logins keep real time, so that clients' JWT assertions stay valid however far a test moves the org's.
            OAuthService oauth = new OAuthService(app, SeededOrg.ORG_ID, sessions, loginPolicy, store,
                    Clock.systemUTC());

            OrgDispatcher dispatcher = new OrgDispatcher(new SObjectResource(store, writer,
                    new Describer(model, orgSettings), new ReplicationResource(store, clock, orgSettings)),
                    allowance::limits);
            Optional.ofNullable(queries).ifPresent(factory ->
                    dispatcher.register(new QueryRoutes(factory.apply(store)), "query", "queryAll", "search"));
            Optional.ofNullable(composite).ifPresent(factory -> dispatcher.register(
                    factory.apply(new EmulatorServices(store, dispatcher, store, allowance)), "composite"));
            IngestJobs ingestJobs = new IngestJobs(writer, store, clock);
            dispatcher.register(new IngestResource(ingestJobs, model.schema())::handle, "jobs");

            FaultInjector faults = new FaultInjector();
            Latency latency = new Latency();
            RequestLog requestLog = new RequestLog();
            EmulatorAdmin admin = new EmulatorAdmin(store, writer, orgSettings, clock, sessions, loginPolicy,
                    allowance, faults, latency, requestLog, ingestJobs);
            HttpFrontDoor.Parts parts = new HttpFrontDoor.Parts(new AdminApi(admin), oauth, sessions, dispatcher,
                    store, allowance, faults, latency, requestLog);
            return listen(parts, admin, ingestJobs);
        }

        private SalesforceEmulator listen(HttpFrontDoor.Parts parts, EmulatorAdmin admin, IngestJobs ingestJobs) {
            try {
                HttpServer server = HttpServer.create(
                        new InetSocketAddress(InetAddress.getByName(HOST), settings.port()), THREADS);
                int port = server.getAddress().getPort();
                server.createContext("/", new HttpFrontDoor(parts, "http://" + HOST + ":" + port,
                        "http://localhost:" + port));
                ExecutorService executor = executor();
                server.setExecutor(executor);
                server.start();
                return new SalesforceEmulator(server, executor, admin, ingestJobs);
            } catch (IOException e) {
                ingestJobs.close();
                throw new UncheckedIOException("Emulator could not listen on port " + settings.port(), e);
            }
        }

        /** Enough threads for many requests to sleep in injected latency at once. */
        private static ExecutorService executor() {
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), runnable -> {
                        Thread thread = new Thread(runnable, "salesforce-emulator-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }
    }
}
