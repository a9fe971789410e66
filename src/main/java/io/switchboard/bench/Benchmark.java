package io.switchboard.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the engine on this machine against the built-in emulator: API calls per event, what the intake stores
 * per second, sustained throughput and accept-to-done times, heap and RSS, each beside a naive one-call-per-record
 * integration run on the same events, and prints the medians of several runs.
 */
public final class Benchmark {
    private Benchmark() {
    }

    /** Runs the scenarios the options name with the routes/ and config/ under {@code home}, reporting to {@code out}. */
    public static void run(Path home, BenchOptions options, PrintStream out) throws Exception {
        BenchReport report = new BenchReport(out, options);
        report.header();
        for (Scenario scenario : options.scenarios()) {
            report.scenarioStarts(scenario);
            switch (scenario) {
                case CALLS -> report.calls(repeat(options, run -> calls(home, options, run)));
                case INTAKE -> report.intake(repeat(options, run -> intake(home, options, run, report)));
                case THROUGHPUT, LATENCY -> report.steady(scenario,
                        repeat(options, run -> steady(home, options, scenario, run, report)));
                case BULK -> MeasureBulkUpdate.run(home, options, out);
                case CONTACTS -> report.contacts(repeat(options, run -> report.contactsRun(run,
                        ContactsBench.run(home, options, run))));
                case CLUSTER -> ClusterBenchmark.run(home, options, out);
                case STORE -> MeasureStore.run(options, out);
            }
        }
        report.footer();
    }

    private static Map<String, CallCount> calls(Path home, BenchOptions options, int run) throws Exception {
        try (BenchRig rig = BenchRig.start(home, options.concurrency(), true, options.engineSettings())) {
            return new CountCalls(rig, new BenchEvents("calls" + run)).count();
        }
    }

    private static IntakeFigures intake(Path home, BenchOptions options, int run, BenchReport report)
            throws Exception {
        try (BenchRig rig = BenchRig.start(home, options.concurrency(), false, options.engineSettings())) {
            IntakeFigures figures = MeasureIntake.measure(rig, options, new BenchEvents("intake" + run));
            report.intakeRun(run, figures);
            return figures;
        }
    }

    private static SideBySide steady(Path home, BenchOptions options, Scenario scenario, int run,
                                     BenchReport report) throws Exception {
        try (BenchRig rig = BenchRig.start(home, options.concurrency(), true, options.engineSettings())) {
            SteadyLoad load = new SteadyLoad(rig, scenario, options, new BenchEvents(scenario.label() + run), run);
            SideBySide figures = new SideBySide(load.throughEngine(), load.throughBaseline());
            report.steadyRun(run, figures);
            return figures;
        }
    }

    private static <T> List<T> repeat(BenchOptions options, Run<T> once) throws Exception {
        List<T> runs = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            runs.add(once.run(run));
        }
        return runs;
    }

    /** One run of a scenario. */
    @FunctionalInterface
    private interface Run<T> {
        T run(int number) throws Exception;
    }
}
