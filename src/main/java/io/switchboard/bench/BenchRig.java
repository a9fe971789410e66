package io.switchboard.bench;

import io.switchboard.config.Configuration;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.Engine;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.salesforce.Connections;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One benchmark's systems: a fresh emulator in a process of its own, and in this one an engine on it with the
 * project's routes and config and a fresh embedded store in a temporary folder, the naive baseline beside it, and the
 * HTTP load that drives both (whose threads the CPU figures tell apart, {@link CpuUse}).
 */
final class BenchRig implements AutoCloseable {
    /** Enough for any benchmark: the emulator's default daily allowance would stop a long run part way. */
    private static final long API_ALLOWANCE = 1_000_000_000L;
    /** Long enough for the writers' calls under way against the slowest org a scenario sets. */
    private static final Duration BASELINE_PATIENCE = Duration.ofSeconds(10);

    private final EmulatorProcess emulator;
    private final Engine engine;
    private final Path dataDir;
    private final NaiveLedger naive;
    private final NaiveIntegration baseline;
    private final OpenLoopLoad load;

    private BenchRig(EmulatorProcess emulator, Engine engine, Path dataDir, NaiveLedger naive,
                     NaiveIntegration baseline, OpenLoopLoad load) {
        this.emulator = emulator;
        this.engine = engine;
        this.dataDir = dataDir;
        this.naive = naive;
        this.baseline = baseline;
        this.load = load;
    }

    /** @param processEvents false for an engine that only accepts and stores events (its worker off) */
    static BenchRig start(Path home, int concurrency, boolean processEvents) throws Exception {
        return start(home, concurrency, processEvents, Map.of());
    }

    /** @param settings further variables for the engine, such as the contact sync's */
    static BenchRig start(Path home, int concurrency, boolean processEvents, Map<String, String> settings)
            throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-bench");
        // its log stays in the folder if it does not start, for the message to point at
        EmulatorProcess emulator = EmulatorProcess.start(home, dataDir.resolve("emulator.log"));
        try {
            int port = freePort();
            String token = UUID.randomUUID().toString();
            Map<String, String> environment = environment(emulator, port, dataDir, token, concurrency);
            environment.putAll(settings);
            Configuration configuration = Configuration.load(home.resolve("config"), environment::get);
            NaiveLedger naive = new NaiveLedger();
            NaiveIntegration baseline = new NaiveIntegration(defaultComponent(configuration), concurrency, naive);
            Engine engine = processEvents ? Engine.start(configuration, baseline) : Engine.startIntakeOnly(configuration);
            BenchRig rig = new BenchRig(emulator, engine, dataDir, naive, baseline, new OpenLoopLoad(port, token));
            rig.resetOrg(0);
            return rig;
        } catch (Exception | Error e) {
            stop(emulator);
            deleteTree(dataDir);
            throw e;
        }
    }

    /** The baseline writes through the engine's own camel-salesforce component for the default connection. */
    private static String defaultComponent(Configuration configuration) {
        return Connections.load(configuration).get(ConnectionOptions.DEFAULT).componentName();
    }

    private static Map<String, String> environment(EmulatorProcess emulator, int port, Path dataDir, String token,
                                                   int concurrency) {
        Map<String, String> environment = SeededOrg.engineVariables(emulator.baseUrl());
        environment.put("SWITCHBOARD_PORT", String.valueOf(port));
        environment.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        environment.put("SWITCHBOARD_DB_URL", "");
        environment.put("SWITCHBOARD_API_TOKEN", token);
        environment.put("SWITCHBOARD_WORKER_CONCURRENCY", String.valueOf(concurrency));
        return environment;
    }

    /** Back to the seeded org with the given latency, a log and counters from zero, and room for any number of calls. */
    void resetOrg(int latencyMillis) {
        emulator.reset(latencyMillis, API_ALLOWANCE);
    }

    EmulatorProcess emulator() {
        return emulator;
    }

    Engine engine() {
        return engine;
    }

    NaiveLedger naive() {
        return naive;
    }

    OpenLoopLoad load() {
        return load;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void letTheBaselineGo() {
        try {
            baseline.stopWriting(BASELINE_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            load.close();
            // the baseline's backlog is not measured any more: let it go before the engine's routes stop
            letTheBaselineGo();
            engine.close();
        } finally {
            stop(emulator);
            deleteTree(dataDir);
        }
    }

    private static void stop(EmulatorProcess emulator) {
        try {
            emulator.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes a temporary folder and all in it, as far as it can. */
    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
