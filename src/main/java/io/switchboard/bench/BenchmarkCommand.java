package io.switchboard.bench;

import io.switchboard.cli.Command;
import io.switchboard.cli.Console;
import io.switchboard.cli.Logging;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the engine on this machine against the built-in emulator: API calls per event, what the intake stores
 * per second, sustained throughput and accept-to-done times, heap and RSS, each beside a naive one-call-per-record
 * integration run on the same events, and prints the medians of several runs.
 */
public final class BenchmarkCommand implements Command {
    @Override
    public String name() {
        return "benchmark";
    }

    @Override
    public String summary() {
        return "measure API calls per event, intake and throughput against the emulator, beside a naive integration";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar target/switchboard.jar benchmark [--scenario all|calls|intake|throughput|latency]
                           [--rate N] [--duration S] [--latency-ms N] [--mix TYPE=W,...] [--runs N] [--concurrency N]

                Starts the local Salesforce emulator and an engine against it in this process (a fresh embedded store
                in a temporary folder, the routes/ and config/ of the current folder), posts events over HTTP at a
                steady rate on many connections whatever the answers do, and prints each run and the median of all.
                The same events go through a naive baseline, a plain camel-salesforce route making one REST call per
                record, against the same emulator, and the report gives the ratios.

                Scenarios (default: all)         rate/s  latency  mix
                  calls       API calls per event, each type alone, caches warm
                  intake      accepted and stored per second, worker off       2000   -        realistic
                  throughput  sustained events/s, accept-to-done p50/p95/p99    300    0 ms     realistic
                  latency     conversations per second against a slow org        60     150 ms   conversations

                Options (given, they apply to every scenario; left out, each uses its own default above):
                  --rate N         events per second offered
                  --duration S     seconds each load lasts (default 60)
                  --latency-ms N   delay the emulator adds to every Salesforce call
                  --mix TYPE=W,..  weights per event type, e.g. conversation-closed=4,call=4,referral-status-changed=1,
                                   case-acknowledged=1 (the realistic mix)
                  --runs N         runs of each scenario; figures are their medians (default 3)
                  --concurrency N  events the engine's worker, and the baseline, process at once (default 32)

                Heap and RSS are this process's: engine, emulator and load together. Run with -Xmx512m to hold the
                engine to the heap target.
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Logging.quiet();
        BenchReport report = new BenchReport(console.out(), options);
        report.header();
        for (Scenario scenario : options.scenarios()) {
            report.scenarioStarts(scenario);
            switch (scenario) {
                case CALLS -> report.calls(repeat(options, run -> calls(console, options, run)));
                case INTAKE -> report.intake(repeat(options, run -> intake(console, options, run, report)));
                case THROUGHPUT, LATENCY -> report.steady(scenario,
                        repeat(options, run -> steady(console, options, scenario, run, report)));
            }
        }
        report.footer();
        return OK;
    }

    private static Map<String, CallCount> calls(Console console, BenchOptions options, int run) throws Exception {
        try (BenchRig rig = BenchRig.start(console.home(), options.concurrency(), true)) {
            return new CountCalls(rig, new BenchEvents("calls" + run)).count();
        }
    }

    private static IntakeFigures intake(Console console, BenchOptions options, int run, BenchReport report)
            throws Exception {
        try (BenchRig rig = BenchRig.start(console.home(), options.concurrency(), false)) {
            IntakeFigures figures = MeasureIntake.measure(rig, options, new BenchEvents("intake" + run));
            report.intakeRun(run, figures);
            return figures;
        }
    }

    private static SideBySide steady(Console console, BenchOptions options, Scenario scenario, int run,
                                     BenchReport report) throws Exception {
        try (BenchRig rig = BenchRig.start(console.home(), options.concurrency(), true)) {
            SteadyLoad load = new SteadyLoad(rig, scenario, options, new BenchEvents(scenario.label() + run));
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
