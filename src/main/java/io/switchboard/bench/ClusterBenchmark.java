package io.switchboard.bench;

import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.store.EventStatus;
import io.switchboard.store.EventStore;
import io.switchboard.store.StoredEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code cluster} scenario: 1, 2 and 3 engine processes on one PostgreSQL database (a fresh schema per run)
 * against one emulator in a process of its own, each node offered the same rate and running the same worker
 * concurrency, at 150 ms and at 0 ms Salesforce latency (or the one {@code --latency-ms} gives). Reports the events
 * ended per second across all nodes and accept-to-done times; a node count whose events/s stays below the rate offered
 * is at its limit, and the ratio to one node is the scaling.
 */
final class ClusterBenchmark {
    static final List<Integer> NODE_COUNTS = List.of(1, 2, 3);
    private static final List<Integer> LATENCIES = List.of(150, 0);
    private static final int WARM_UP_EVENTS = 60;
    private static final long WARM_UP_OFFSET = 10_000_000L;
    private static final long NODE_NUMBERING = 1_000_000L;
    private static final Duration MIN_PATIENCE = Duration.ofSeconds(60);

    private final Path home;
    private final BenchOptions options;
    private final PrintStream out;
    private final String serverUrl;
    private final Path logs;

    private ClusterBenchmark(Path home, BenchOptions options, PrintStream out, String serverUrl) throws IOException {
        this.home = home;
        this.options = options;
        this.out = out;
        this.serverUrl = serverUrl;
        this.logs = Files.createTempDirectory("switchboard-cluster-bench");
    }

    /** @throws IllegalArgumentException when SWITCHBOARD_DB_URL does not point at PostgreSQL */
    static void run(Path home, BenchOptions options, PrintStream out) throws Exception {
        String serverUrl = System.getenv().getOrDefault("SWITCHBOARD_DB_URL", "");
        if (!serverUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("the cluster scenario runs its nodes on PostgreSQL: set SWITCHBOARD_DB_URL "
                    + "to a jdbc:postgresql:// URL of a database where it may create and drop schemas of its own");
        }
        new ClusterBenchmark(home, options, out, serverUrl).run();
    }

    private void run() throws Exception {
        List<Integer> latencies = options.latencyMillis().isPresent()
                ? List.of(options.latencyMillis().getAsInt()) : LATENCIES;
        int rate = options.rateOf(Scenario.CLUSTER);
        out.printf("== cluster: 1-3 engine processes on one PostgreSQL, the emulator in its own process; %d/s offered "
                        + "to each node, worker concurrency %d per node, mix %s, %d s per load; logs in %s%n", rate,
                options.concurrency(), options.mixOf(Scenario.CLUSTER), options.duration().toSeconds(), logs);
        try (EmulatorProcess emulator = EmulatorProcess.start(home, logs.resolve("emulator.log"))) {
            for (int latency : latencies) {
                out.printf("  emulator latency %d ms%n", latency);
                out.printf("  %-6s %10s %8s %8s %8s %8s %8s  (median of %d runs)%n", "nodes", "events/s", "offered",
                        "p50 ms", "p99 ms", "failed", "scaling", options.runs());
                double single = 0;
                for (int nodes : NODE_COUNTS) {
                    List<PhaseFigures> runs = new ArrayList<>();
                    for (int run = 1; run <= options.runs(); run++) {
                        runs.add(measure(emulator, nodes, latency, rate, run));
                    }
                    double perSecond = BenchReport.median(runs, PhaseFigures::completedPerSecond);
                    single = nodes == 1 ? perSecond : single;
                    out.printf("  %-6d %10.1f %8d %8.0f %8.0f %8.0f %7.2fx%s%n", nodes, perSecond, rate * nodes,
                            BenchReport.median(runs, figures -> figures.acceptToDone().p50()),
                            BenchReport.median(runs, figures -> figures.acceptToDone().p99()),
                            BenchReport.median(runs, PhaseFigures::failed), single == 0 ? 0 : perSecond / single,
                            runs.get(0).problem().map(problem -> "; first problem: " + problem).orElse(""));
                    out.flush();
                }
            }
        }
    }

    /** One run: a fresh schema, {@code nodes} engines on it, a warm-up, then the measured load. */
    private PhaseFigures measure(EmulatorProcess emulator, int nodes, int latency, int rate, int run) throws Exception {
        String schema = "switchboard_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        String storeUrl = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        String token = UUID.randomUUID().toString();
        List<ChildProcess> engines = new ArrayList<>();
        try (EventStore store = EventStore.open(storeUrl)) {
            engines.addAll(startEngines(emulator, nodes, storeUrl, token, latency, run));
            emulator.reset(latency, 1_000_000_000L);
            String tag = "cluster-" + latency + "-" + nodes + "-" + run + "-" + token.substring(0, 8);
            drive(engines, token, Math.max(rate, 50), WARM_UP_EVENTS, tag + "-warm", WARM_UP_OFFSET);
            Duration patience = options.duration().multipliedBy(4).compareTo(MIN_PATIENCE) > 0
                    ? options.duration().multipliedBy(4) : MIN_PATIENCE;
            AwaitFinished.engine(store, patience);
            Instant start = Instant.now();
            List<OpenLoopLoad.LoadResult> sent = drive(engines, token, rate, (long) rate * options.duration().toSeconds(),
                    tag, 0);
            boolean finished = AwaitFinished.engine(store, patience);
            return figures(store, start, sent, finished);
        } finally {
            for (ChildProcess engine : engines) {
                engine.close();
            }
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private List<ChildProcess> startEngines(EmulatorProcess emulator, int nodes, String storeUrl, String token,
                                            int latency, int run) throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<ChildProcess>> started = new ArrayList<>();
            for (int node = 1; node <= nodes; node++) {
                String name = "bench-node-" + node;
                int port = ChildProcess.freePort();
                Map<String, String> environment = SeededOrg.engineVariables(emulator.baseUrl());
                environment.put("SWITCHBOARD_PORT", String.valueOf(port));
                environment.put("SWITCHBOARD_DATA_DIR", Files.createTempDirectory(logs, name).toString());
                environment.put("SWITCHBOARD_DB_URL", storeUrl);
                environment.put("SWITCHBOARD_API_TOKEN", token);
                environment.put("SWITCHBOARD_NODE_ID", name);
                environment.put("SWITCHBOARD_WORKER_CONCURRENCY", String.valueOf(options.concurrency()));
                environment.put("SWITCHBOARD_LOG_LEVEL", "WARN");
                environment.putAll(options.engineSettings());
                Path log = logs.resolve(name + "-" + latency + "ms-" + nodes + "nodes-run" + run + ".log");
                started.add(starting.submit(() -> ChildProcess.start(home, List.of(), environment, port,
                        "/observe/health", log)));
            }
            List<ChildProcess> engines = new ArrayList<>();
            for (Future<ChildProcess> engine : started) {
                engines.add(engine.get());
            }
            return engines;
        } finally {
            starting.shutdown();
        }
    }

    /** The same load to every node at once, each from its own open-loop client. */
    private List<OpenLoopLoad.LoadResult> drive(List<ChildProcess> engines, String token, int rate, long count,
                                                String tag, long offset) throws Exception {
        ExecutorService loads = Executors.newFixedThreadPool(engines.size());
        try {
            List<Future<OpenLoopLoad.LoadResult>> results = new ArrayList<>();
            for (int node = 0; node < engines.size(); node++) {
                ChildProcess engine = engines.get(node);
                BenchEvents events = new BenchEvents(tag + "-node" + node);
                EventMix mix = options.mixOf(Scenario.CLUSTER);
                // numbered apart per node: events whose key derives from their number (referral changes) stay distinct
                long first = offset + node * NODE_NUMBERING;
                results.add(loads.submit(() -> {
                    try (OpenLoopLoad load = new OpenLoopLoad(engine.port(), token)) {
                        return load.drive("/events/", rate, count, n -> events.next(mix.typeOf(n), first + n));
                    }
                }));
            }
            List<OpenLoopLoad.LoadResult> sent = new ArrayList<>();
            for (Future<OpenLoopLoad.LoadResult> result : results) {
                sent.add(result.get());
            }
            return sent;
        } finally {
            loads.shutdown();
        }
    }

    private static PhaseFigures figures(EventStore store, Instant start, List<OpenLoopLoad.LoadResult> sent,
                                        boolean finished) {
        List<StoredEvent> measured = store.list(Optional.empty(), Integer.MAX_VALUE).stream()
                .filter(event -> !event.receivedAt().isBefore(start.minusMillis(1))).toList();
        List<StoredEvent> ended = measured.stream().filter(event -> event.status() == EventStatus.DONE
                || event.status() == EventStatus.FAILED || event.status() == EventStatus.SKIPPED).toList();
        long[] acceptToDone = ended.stream()
                .mapToLong(event -> Duration.between(event.receivedAt(), event.updatedAt()).toMillis()).toArray();
        long failed = ended.stream().filter(event -> event.status() == EventStatus.FAILED).count();
        long accepted = sent.stream().mapToLong(OpenLoopLoad.LoadResult::accepted).sum();
        Optional<String> problem = sent.stream().map(OpenLoopLoad.LoadResult::firstRefusal).flatMap(Optional::stream)
                .findFirst().or(() -> ended.stream().filter(event -> event.status() == EventStatus.FAILED).findFirst()
                        .map(event -> event.type().path() + ": " + event.error().code() + " " + event.error().message()));
        return new PhaseFigures(accepted, sent.stream().mapToDouble(OpenLoopLoad.LoadResult::acceptedPerSecond).sum(),
                ended.size(), failed, finished ? 0 : measured.size() - ended.size(),
                SteadyLoad.completionRate(ended.stream().map(StoredEvent::updatedAt).toList()), LatencySummary.of(acceptToDone),
                0, 0, 0, 0, problem, CpuUse.Split.NONE);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
