package io.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.config.EngineSettings;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.store.EventStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar the way the README tells operators to. */
class JarCommandsIT {
    private static final Path JAR = Path.of("target/switchboard.jar");
    private static final Pattern EXPORT = Pattern.compile("\\s*export (\\w+)=(\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exitCode, String output) {
    }

    private static ProcessBuilder jar(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SF_") || name.startsWith("SWITCHBOARD_"));
        builder.environment().putAll(env);
        return builder;
    }

    private static Run run(Map<String, String> env, String... args) throws Exception {
        Process process = jar(env, args).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "jar did not finish");
        return new Run(process.exitValue(), output);
    }

    @Test
    void shouldPrintHelpAndRefuseUnknownCommands() throws Exception {
        Run help = run(Map.of(), "--help");
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(help.output().contains("check-connection"), help.output());
        Run version = run(Map.of(), "--version");
        assertEquals("switchboard 0.1.0-SNAPSHOT", version.output().strip());
        Run unknown = run(Map.of(), "teleport");
        assertEquals(2, unknown.exitCode(), unknown.output());
        assertEquals("switchboard: unknown command 'teleport' (see --help)", unknown.output().strip());
    }

    @Test
    void shouldRunTheDemoOnAMachineWithoutSalesforce() throws Exception {
        Run demo = run(Map.of(), "demo");
        assertEquals(0, demo.exitCode(), demo.output());
        assertTrue(demo.output().contains("== 1. Local Salesforce emulator"), demo.output());
        assertTrue(demo.output().contains("login           ok"), demo.output());
        assertTrue(demo.output().contains("result          usable"), demo.output());
        assertTrue(demo.output().contains("Contact"), demo.output());
        assertTrue(demo.output().contains("Maria Conti +39 333 123 4567"), "the seeded records are named: " + demo.output());
        assertTrue(demo.output().contains("Task                         3 (+3)"),
                "the change since the seed (two calls and the campaign's reply): " + demo.output());
        assertTrue(demo.output().contains("written back: CX_Id__c CX-5001, CX_Reference_Number__c CXR-2026-5001"),
                "the referral sent to the Case Xchange stand-in: " + demo.output());
        assertTrue(demo.output().contains("recipients 2, handedOver 2, skipped 1 (Lead has no Phone or MobilePhone)"),
                "the campaign handed over: " + demo.output());
        assertTrue(demo.output().contains(SeededOrg.MARIA_CONTI_ID + "  Responded"), "the reply written: " + demo.output());
        assertTrue(demo.output().contains(SeededOrg.LUCA_BIANCHI_ID + "  Delivered"), demo.output());
        assertTrue(demo.output().contains("warning: the Task is linked to no person"), demo.output());
        assertTrue(demo.output().strip().endsWith("operations API: README, \"Operations\"."), "ends with what to try next");
    }

    @Test
    void shouldValidateTheShippedFiles() throws Exception {
        Run validate = run(Map.of(), "validate");
        assertEquals(0, validate.exitCode(), validate.output());
    }

    @Test
    void shouldCheckAConnectionToTheEmulatorRunFromTheJar() throws Exception {
        int port = freePort();
        Process emulator = jar(Map.of("SF_EMULATOR_PORT", String.valueOf(port)), "emulator").start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertEquals("Salesforce emulator listening on http://127.0.0.1:" + port, first);
            Map<String, String> env = Map.of(
                    "SF_LOGIN_URL", "http://127.0.0.1:" + port,
                    "SF_CLIENT_ID", "switchboard-emulator",
                    "SF_CLIENT_SECRET", "emulator-secret",
                    "SF_USERNAME", "integration@switchboard.example",
                    "SF_PASSWORD", "emulator-password",
                    "SF_SECURITY_TOKEN", "EMULATORTOKEN",
                    "SWITCHBOARD_DATA_DIR", Files.createTempDirectory("switchboard-check").toString());
            Run check = run(env, "check-connection");
            assertEquals(0, check.exitCode(), check.output());
            assertTrue(check.output().contains("audit fields    this user may set CreatedDate/CreatedById on insert"),
                    check.output());
            assertTrue(!check.output().contains("emulator-password") && !check.output().contains("EMULATORTOKEN"),
                    "no credential in the report: " + check.output());
        } finally {
            emulator.destroy();
            emulator.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The README's "Run the engine against the emulator, step by step": the emulator's export lines, as printed, are
     * all the engine needs, and the demo's samples posted to it end as the README says.
     */
    @Test
    void shouldRunTheEngineFromTheJarOnTheExportsTheEmulatorPrints() throws Exception {
        int emulatorPort = freePort();
        Process emulator = jar(Map.of("SF_EMULATOR_PORT", String.valueOf(emulatorPort)), "emulator").start();
        Process engine = null;
        try {
            Map<String, String> env = exportsPrintedBy(emulator);
            assertTrue(env.containsKey("SF_CUSTOMER_COMMENT_USERNAME") && env.containsKey("SWITCHBOARD_API_TOKEN"), env.toString());
            int port = freePort();
            env.put("SWITCHBOARD_PORT", String.valueOf(port));
            env.put("SWITCHBOARD_DATA_DIR", Files.createTempDirectory("switchboard-walkthrough").toString());
            engine = jar(env).start();
            BufferedReader log = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = log.readLine()) != null && !line.contains(" ready on http://")) {
                // the start-up lines before the one that says the engine takes events
            }
            assertTrue(line != null, "the engine never said it was ready");
            drain(log);
            for (Path sample : samples()) {
                String type = sample.getFileName().toString().replaceFirst("--.*", "");
                JsonNode event = postAndAwait(port, env.get("SWITCHBOARD_API_TOKEN"), type, Files.readString(sample));
                assertEquals("done", event.path("status").asText(), sample + ": " + event);
                if (sample.getFileName().toString().equals("call--outbound-answered.json")) {
                    assertTrue(event.path("warnings").toString().contains("is linked to no person"), event.toString());
                }
            }
        } finally {
            if (engine != null) {
                engine.destroy();
                engine.waitFor(60, TimeUnit.SECONDS);
            }
            emulator.destroy();
            emulator.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, String> exportsPrintedBy(Process emulator) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> exports = new HashMap<>();
        String line;
        while ((line = lines.readLine()) != null && !line.startsWith("Admin API")) {
            Matcher export = EXPORT.matcher(line);
            if (export.matches()) {
                exports.put(export.group(1), export.group(2));
            }
        }
        drain(lines);
        return exports;
    }

    /** Keeps reading a child's output so that it never blocks on a full pipe. */
    private static void drain(BufferedReader output) {
        Thread reader = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // discarded
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    private static List<Path> samples() throws IOException {
        try (var files = Files.list(Path.of("config/samples"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode postAndAwait(int port, String token, String type, String json) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/events/" + type))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = JSON.readTree(accepted.body()).path("eventId").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode event;
        do {
            Thread.sleep(200);
            event = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/events/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
        } while (List.of("pending", "processing").contains(event.path("status").asText()) && System.nanoTime() < deadline);
        return event;
    }

    // an engine on a taken port logged a warning and ran on without listening
    @Test
    void shouldExitAtOnceNamingThePortWhenItIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            long started = System.nanoTime();
            Run engine = run(Map.of("SWITCHBOARD_PORT", String.valueOf(port), "SWITCHBOARD_INSECURE", "true",
                    "SWITCHBOARD_DATA_DIR", Files.createTempDirectory("switchboard-port").toString()));
            assertEquals(1, engine.exitCode(), engine.output());
            assertEquals("switchboard run: configuration problem: port " + port + " is already in use: stop what "
                    + "listens there, or set SWITCHBOARD_PORT to a free port", engine.output().strip());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60), "took too long to give up");
            Run emulator = run(Map.of("SF_EMULATOR_PORT", String.valueOf(port)), "emulator");
            assertEquals(1, emulator.exitCode(), emulator.output());
            assertEquals("switchboard emulator: configuration problem: port " + port + " is already in use: stop what "
                    + "listens there, or set SF_EMULATOR_PORT to a free port", emulator.output().strip());
        }
    }

    // replay or a second engine on a data folder in use printed H2's raw "file is locked" error
    @Test
    void shouldSayAnEngineIsRunningWhenTheDataFolderIsInUse() throws Exception {
        Path dataDir = Files.createTempDirectory("switchboard-busy");
        try (EventStore held = EventStore.open(new EngineSettings(0, dataDir, null, null, true))) {
            Run replay = run(Map.of("SWITCHBOARD_DATA_DIR", dataDir.toString()), "replay", "--failed");
            assertEquals(1, replay.exitCode(), replay.output());
            assertEquals("switchboard replay: an engine is running on the data folder " + dataDir.toAbsolutePath()
                    + " (SWITCHBOARD_DATA_DIR); replay through it with POST /events/{eventId}/replay, or stop it first",
                    lastLine(replay.output()));
            Run second = run(Map.of("SWITCHBOARD_DATA_DIR", dataDir.toString(), "SWITCHBOARD_INSECURE", "true",
                    "SWITCHBOARD_PORT", String.valueOf(freePort()), "SF_CLIENT_ID", "app", "SF_CLIENT_SECRET", "secret"));
            assertEquals(1, second.exitCode(), second.output());
            assertEquals("switchboard run: an engine is running on the data folder " + dataDir.toAbsolutePath()
                    + " (SWITCHBOARD_DATA_DIR); stop it, or give this engine a data folder of its own",
                    lastLine(second.output()));
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\\R");
        return lines[lines.length - 1];
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
