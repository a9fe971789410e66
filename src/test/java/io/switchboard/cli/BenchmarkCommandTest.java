package io.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.switchboard.testing.CapturedLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A smoke run of the benchmark command; the real measurements are run by hand (README, Benchmarks). */
class BenchmarkCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get, Path.of(""));
        return CommandLine.withStandardCommands(console).run(args);
    }

    @Test
    void shouldReportTheEngineBesideTheNaiveBaselineForAShortLowLoad() {
        assertEquals(0, run("benchmark", "--scenario", "throughput", "--duration", "1", "--rate", "10", "--runs", "1"),
                err.toString(StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("== throughput: 10/s offered, emulator latency 0 ms"), report);
        assertTrue(report.matches("(?s).*run 1 engine +\\d+\\.\\d ended/s.*, 0 failed, 0 unfinished\\R.*"), report);
        assertTrue(report.matches("(?s).*run 1 naive +\\d+\\.\\d ended/s.*, 0 failed, 0 unfinished\\R.*"), report);
        assertTrue(report.contains("engine/naive: throughput"), report);
        assertTrue(report.contains("The emulator runs in a process of its own"), report);
        assertTrue(report.contains("Peak RSS of the benchmark process over the whole benchmark (VmHWM): "), report);
        assertTrue(report.matches("(?s).*run 1 engine .*RSS \\d+ MB, CPU ms/event \\d+\\.\\d\\d system \\d+\\.\\d\\d emulator .*"),
                report);
        assertTrue(report.contains("runs agree: engine events/s each within 15% of the median"), report);
        assertTrue(report.contains("events per CPU-second of the system"), report);
    }

    @Test
    void shouldKeepTheEventsPersonalDataOutOfTheReportAndTheLogs() {
        try (CapturedLog log = CapturedLog.all()) {
            assertEquals(0, run("benchmark", "--scenario", "throughput", "--duration", "1", "--rate", "20", "--runs",
                    "1"), err.toString(StandardCharsets.UTF_8));
            String everything = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)
                    + String.join("\n", log.lines());
            // the benchmark's customers: +4477009NNNNN, named "Customer N", and the events that carry them
            for (String personal : List.of("+4477009", "Customer ", "customer\":{")) {
                assertFalse(everything.contains(personal), personal + " in: " + everything);
            }
        }
    }

    @Test
    void shouldMeasureTheStoreAloneEndingEveryEventItAccepts() {
        assertEquals(0, run("benchmark", "--scenario", "store", "--duration", "1", "--rate", "50", "--runs", "1"),
                err.toString(StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("== store: the event store alone (a fresh embedded H2 file), 50/s offered for 1 s"),
                report);
        // every one of the 50 events accepted, claimed and done, or the run fails
        assertTrue(report.matches("(?s).*run 1: \\d+\\.\\d events/s ended, accept-to-done p50 \\d+ p95 \\d+ p99 \\d+ ms, "
                + "CPU \\d+\\.\\d{3} ms/event, \\d+\\.\\d KB written per event, store file \\d+ MB\\R.*"), report);
        assertTrue(report.contains("median of 1 runs: "), report);
    }

    @Test
    void shouldRefuseAnUnknownScenarioNamingTheChoicesWithExitCodeTwo() {
        assertEquals(2, run("benchmark", "--scenario", "fastest"));
        assertEquals("switchboard benchmark: --scenario must be one of all, intake, throughput, latency, calls, bulk, "
                + "contacts, cluster, store, got 'fastest' (see benchmark --help)\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseARateThatIsNotAWholeNumberWithExitCodeTwo() {
        assertEquals(2, run("benchmark", "--rate", "fast"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
                "switchboard benchmark: --rate must be a whole number from 1 to 100000, got 'fast'"), err.toString());
    }

    @Test
    void shouldRefuseAMixWithAnUnknownEventType() {
        assertEquals(2, run("benchmark", "--mix", "call=2,chat=1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--mix names an unknown event type 'chat'"),
                err.toString());
    }

    @Test
    void shouldPrintItsUsage() {
        assertEquals(0, run("benchmark", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: java -jar target/switchboard.jar benchmark"));
    }
}
