package io.switchboard.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints the benchmark as it goes: each run's figures, then per scenario the medians and the targets. */
final class BenchReport {
    private static final int THROUGHPUT_TARGET = 600;
    private static final int DELIVERY_TARGET = 300;
    private static final int P99_TARGET_MILLIS = 250;
    private static final int HEAP_TARGET_MB = 512;
    private static final int RSS_TARGET_MB = 800;
    private static final int LATENCY_TARGET = 400;
    private static final int LATENCY_P99_TARGET_MILLIS = 1000;
    private static final double CPU_RATIO_TARGET = 1.5;
    /** Each run's events/s within this share of the median, or the runs do not agree. */
    private static final double RUN_SPREAD = 0.15;
    private static final int INTAKE_TARGET = 1500;
    /**
     * A system that keeps up ends events at the offered rate, measured within the load's own timing jitter; half a
     * percent below the target still counts as sustaining it.
     */
    private static final double RATE_TOLERANCE = 0.995;

    private final PrintStream out;
    private final BenchOptions options;

    BenchReport(PrintStream out, BenchOptions options) {
        this.out = out;
        this.options = options;
    }

    void header() {
        out.printf("Switchboard benchmark: %d cores, Java %s, max heap %d MB, worker concurrency %d, %d run(s) per "
                        + "scenario, %d s per load%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), MemorySampler.maxHeapMb(), options.concurrency(), options.runs(),
                options.duration().toSeconds());
        out.printf("The emulator runs in a process of its own; its CPU is read from the system. Heap and RSS are the "
                + "benchmark process's: the system measured, the other one idle, and the load generator. The %d cores "
                + "are shared by both processes, nothing pinned.%n", Runtime.getRuntime().availableProcessors());
    }

    void scenarioStarts(Scenario scenario) {
        out.println();
        switch (scenario) {
            case CALLS -> out.println("== calls: Salesforce API calls per event, each type alone, caches warm");
            case INTAKE -> out.printf("== intake: %d/s offered, %s, worker off: accepted = durably stored%n",
                    options.rateOf(scenario), options.mixOf(scenario));
            case THROUGHPUT, LATENCY -> out.printf("== %s: %d/s offered, emulator latency %d ms, mix %s%n",
                    scenario.label(), options.rateOf(scenario), options.latencyOf(scenario), options.mixOf(scenario));
            case CONTACTS -> out.printf("== contacts: %,d changed Contacts read and delivered to a local receiver; a source "
                    + "contact linked to 10 Contacts updated%n", ContactsBench.CONTACTS);
        }
        out.flush();
    }

    void calls(List<Map<String, CallCount>> runs) {
        out.printf("  %-36s %8s %8s %8s %8s  (median of %d runs)%n", "event", "engine", "naive", "ratio", "target",
                runs.size());
        for (String kind : runs.get(0).keySet()) {
            List<CallCount> counts = runs.stream().map(run -> run.get(kind)).toList();
            double engine = median(counts, CallCount::engine);
            double naive = median(counts, CallCount::naive);
            out.printf("  %-36s %8.1f %8.1f %7.1fx %8s  %s%n", kind, engine, naive, engine == 0 ? 0 : naive / engine,
                    "<= " + format(counts.get(0).target()), verdict(engine <= counts.get(0).target(),
                            "by " + format(engine - counts.get(0).target()) + " call(s)"));
            out.printf("  %-36s engine's calls: %s%n", "", endpoints(counts));
            long failed = counts.stream().mapToLong(CallCount::failed).sum();
            if (failed > 0) {
                out.printf("  %-36s %d event(s) failed: the counts are not to be trusted%n", "", failed);
            }
        }
    }

    private static String endpoints(List<CallCount> counts) {
        Map<String, List<Double>> byEndpoint = new LinkedHashMap<>();
        counts.forEach(count -> count.engineEndpoints().forEach((endpoint, calls) ->
                byEndpoint.computeIfAbsent(endpoint, key -> new ArrayList<>()).add(calls)));
        List<String> parts = new ArrayList<>();
        byEndpoint.forEach((endpoint, calls) -> parts.add(endpoint + " " + format(median(calls, Double::doubleValue))));
        return String.join(", ", parts);
    }

    void intakeRun(int run, IntakeFigures figures) {
        out.printf("  run %d: %,.0f accepted/s, answers p50 %d ms, p99 %d ms, %,d stored of %,d accepted, peak heap %d MB%s%n",
                run, figures.acceptedPerSecond(), figures.answerTimes().p50(), figures.answerTimes().p99(),
                figures.stored(), figures.accepted(), figures.peakHeapMb(),
                figures.problem().map(problem -> "; PROBLEM: " + problem).orElse(""));
        out.flush();
    }

    void intake(List<IntakeFigures> runs) {
        double accepted = median(runs, IntakeFigures::acceptedPerSecond);
        out.printf("  median: %,.0f accepted/s, answers p99 %s ms; target >= %,d/s: %s%n", accepted,
                format(median(runs, figures -> figures.answerTimes().p99())), INTAKE_TARGET,
                verdict(accepted >= INTAKE_TARGET, String.format("by %,.0f/s", INTAKE_TARGET - accepted)));
    }

    void steadyRun(int run, SideBySide figures) {
        line("run " + run + " engine", figures.engine());
        line("run " + run + " naive", figures.naive());
        out.flush();
    }

    private void line(String label, PhaseFigures figures) {
        out.printf("  %-13s %7.1f ended/s, accept-to-done p50 %d p95 %d p99 %d ms, %.1f calls/event, "
                        + "peak heap %d MB (after GC %d MB), RSS %d MB, CPU ms/event %.2f system %.2f emulator %.2f load, "
                        + "%d failed, %d unfinished%s%n", label,
                figures.completedPerSecond(), figures.acceptToDone().p50(), figures.acceptToDone().p95(),
                figures.acceptToDone().p99(), figures.callsPerEvent(), figures.peakHeapMb(), figures.peakLiveHeapMb(),
                figures.peakRssMb(), figures.systemCpuPerEvent(), figures.emulatorCpuPerEvent(),
                figures.cpu().perEvent(figures.cpu().loadMs(), figures.finished()),
                figures.failed(), figures.unfinished(), figures.problem().map(problem -> "; first problem: " + problem).orElse(""));
    }

    void steady(Scenario scenario, List<SideBySide> runs) {
        out.printf("  %-8s %10s %8s %8s %8s %12s %14s  (median of %d runs)%n", "median", "events/s", "p50 ms", "p95 ms",
                "p99 ms", "calls/event", "peak heap MB", runs.size());
        medianLine("engine", runs.stream().map(SideBySide::engine).toList());
        medianLine("naive", runs.stream().map(SideBySide::naive).toList());
        out.printf("  engine/naive: throughput %.1fx, API calls %.1fx fewer, events per CPU-second of the system %.1fx "
                        + "(CPU ms/event: engine %.2f, naive %.2f; the emulator %.2f and %.2f)%n",
                median(runs, SideBySide::throughputRatio), median(runs, SideBySide::callRatio),
                median(runs, SideBySide::cpuRatio), median(runs, run -> run.engine().systemCpuPerEvent()),
                median(runs, run -> run.naive().systemCpuPerEvent()), median(runs, run -> run.engine().emulatorCpuPerEvent()),
                median(runs, run -> run.naive().emulatorCpuPerEvent()));
        List<PhaseFigures> engine = runs.stream().map(SideBySide::engine).toList();
        double perSecond = median(engine, PhaseFigures::completedPerSecond);
        double p99 = median(engine, figures -> figures.acceptToDone().p99());
        if (scenario == Scenario.THROUGHPUT) {
            double heap = median(engine, PhaseFigures::peakHeapMb);
            double rss = median(engine, PhaseFigures::peakRssMb);
            double cpuRatio = median(runs, SideBySide::cpuRatio);
            out.printf("  targets: >= %d events/s %s; p99 < %d ms %s; >= %.1fx naive per CPU-second %s; heap < %d MB %s; "
                            + "RSS < %d MB %s%n", THROUGHPUT_TARGET,
                    verdict(perSecond >= THROUGHPUT_TARGET * RATE_TOLERANCE, String.format("by %.1f/s", THROUGHPUT_TARGET - perSecond)),
                    P99_TARGET_MILLIS, verdict(p99 < P99_TARGET_MILLIS, String.format("by %.0f ms", p99 - P99_TARGET_MILLIS)),
                    CPU_RATIO_TARGET, verdict(cpuRatio >= CPU_RATIO_TARGET, String.format("at %.1fx", cpuRatio)),
                    HEAP_TARGET_MB, verdict(heap < HEAP_TARGET_MB, String.format("by %.0f MB", heap - HEAP_TARGET_MB)),
                    RSS_TARGET_MB, verdict(rss < RSS_TARGET_MB, String.format("by %.0f MB", rss - RSS_TARGET_MB)));
        } else {
            out.printf("  targets: >= %d conversation events/s %s; p99 < %d ms %s%n", LATENCY_TARGET,
                    verdict(perSecond >= LATENCY_TARGET, String.format("by %.1f/s", LATENCY_TARGET - perSecond)),
                    LATENCY_P99_TARGET_MILLIS, verdict(p99 < LATENCY_P99_TARGET_MILLIS,
                            String.format("by %.0f ms", p99 - LATENCY_P99_TARGET_MILLIS)));
        }
        double spread = engine.stream().mapToDouble(figures -> Math.abs(figures.completedPerSecond() - perSecond))
                .max().orElse(0) / Math.max(1, perSecond);
        out.printf("  runs agree: engine events/s each within %.0f%% of the median %s%n", RUN_SPREAD * 100,
                verdict(spread <= RUN_SPREAD, String.format("(one is %.0f%% off)", spread * 100)));
    }

    private void medianLine(String label, List<PhaseFigures> figures) {
        out.printf("  %-8s %10.1f %8s %8s %8s %12.1f %14s%n", label, median(figures, PhaseFigures::completedPerSecond),
                format(median(figures, f -> f.acceptToDone().p50())), format(median(figures, f -> f.acceptToDone().p95())),
                format(median(figures, f -> f.acceptToDone().p99())), median(figures, PhaseFigures::callsPerEvent),
                format(median(figures, PhaseFigures::peakHeapMb)));
    }

    ContactsBench.Figures contactsRun(int run, ContactsBench.Figures figures) {
        out.printf("run %d: %d queryAll calls read %,d Contacts; %,d deliveries at %.0f/s; %.1f Contact updates per API "
                + "call (%d calls)%n", run, figures.readCalls(), figures.changesRead(), figures.deliveries(),
                figures.deliveriesPerSecond(), figures.updatesPerCall(), figures.updateCalls());
        out.flush();
        return figures;
    }

    void contacts(List<ContactsBench.Figures> runs) {
        double calls = median(runs, ContactsBench.Figures::readCalls);
        double rate = median(runs, ContactsBench.Figures::deliveriesPerSecond);
        out.printf("median: API calls to read %,d changed Contacts %.0f (target <= 6: %s); deliveries %.0f/s "
                        + "(target >= %d/s: %s); source -> Salesforce Contact updates per API call %.1f%n",
                ContactsBench.CONTACTS, calls, verdict(calls <= 6, ""), rate, DELIVERY_TARGET,
                verdict(rate >= DELIVERY_TARGET, ""), median(runs, ContactsBench.Figures::updatesPerCall));
    }

    void footer() {
        out.println();
        out.println("Peak RSS of the benchmark process over the whole benchmark (VmHWM): " + MemorySampler.highWaterRssMb().stream()
                .mapToObj(mb -> mb + " MB").findFirst().orElse("not available on this system"));
    }

    private static String verdict(boolean met, String missedBy) {
        return met ? "met" : "MISSED " + missedBy;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value);
    }

    static <T> double median(List<T> values, ToDoubleFunction<T> figure) {
        double[] sorted = values.stream().mapToDouble(figure).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
