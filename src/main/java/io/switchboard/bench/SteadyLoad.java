package io.switchboard.bench;

import io.switchboard.store.EventStatus;
import io.switchboard.store.EventStore;
import io.switchboard.store.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Drives one steady load of the scenario's mix through the engine or through the naive baseline, after a short
 * warm-up on a freshly reset org, and reads what it achieved: throughput, accept-to-done times, API calls, heap.
 */
final class SteadyLoad {
    /** Seconds of the run's own rate before it is measured, so that neither system is measured cold. */
    private static final int WARM_UP_SECONDS = 5;
    private static final int WARM_UP_MOST_EVENTS = 5_000;
    /**
     * The engine's warm-up in the benchmark's first run: its code is compiled once per benchmark process, and one
     * 5 s warm-up left the first run at 55% of the third (206, 294 and 372 events/s at 150 ms). So it gets rounds of
     * 10 s, each waited for, before its first measured load; the baseline keeps its one 5 s round: at 150 ms it ends
     * ~40 events/s, and more warm-up would leave it a backlog to carry into its measured load.
     */
    private static final int FIRST_WARM_UP_ROUNDS = 4;
    private static final int FIRST_WARM_UP_SECONDS = 10;
    private static final int WARM_UP_MIN_RATE = 50;
    private static final long WARM_UP_OFFSET = 10_000_000L;
    private static final Duration MIN_PATIENCE = Duration.ofSeconds(60);

    private final BenchRig rig;
    private final int rate;
    private final long count;
    private final int latencyMillis;
    private final EventMix mix;
    private final BenchEvents events;
    private final Duration patience;

    private final boolean firstRun;
    /** Warm-up events sent so far, so that each round's events are new ones (their keys unseen). */
    private long warmUpEvents;

    SteadyLoad(BenchRig rig, Scenario scenario, BenchOptions options, BenchEvents events, int run) {
        this.rig = rig;
        this.firstRun = run == 1;
        this.rate = options.rateOf(scenario);
        this.count = (long) rate * options.duration().toSeconds();
        this.latencyMillis = options.latencyOf(scenario);
        this.mix = options.mixOf(scenario);
        this.events = events;
        Duration twice = options.duration().multipliedBy(2);
        this.patience = twice.compareTo(MIN_PATIENCE) > 0 ? twice : MIN_PATIENCE;
    }

    PhaseFigures throughEngine() throws InterruptedException {
        EventStore store = rig.engine().store();
        rig.resetOrg(latencyMillis);
        for (int round = 0; round < (firstRun ? FIRST_WARM_UP_ROUNDS : 1); round++) {
            warmUp("/events/", firstRun ? FIRST_WARM_UP_SECONDS : WARM_UP_SECONDS, WARM_UP_MOST_EVENTS);
            AwaitFinished.engine(store, patience);
        }
        rig.emulator().clearRequests();
        Instant start = Instant.now();
        try (MemorySampler memory = MemorySampler.start()) {
            CpuUse cpu = CpuUse.start(rig.emulator());
            OpenLoopLoad.LoadResult sent = rig.load().drive("/events/", rate, count, this::event);
            boolean finished = AwaitFinished.engine(store, patience);
            CpuUse.Split spent = cpu.stop();
            List<StoredEvent> measured = store.list(Optional.empty(), Integer.MAX_VALUE).stream()
                    .filter(event -> !event.receivedAt().isBefore(start.minusMillis(1))).toList();
            List<StoredEvent> ended = measured.stream().filter(SteadyLoad::ended).toList();
            long[] acceptToDone = ended.stream()
                    .mapToLong(event -> Duration.between(event.receivedAt(), event.updatedAt()).toMillis()).toArray();
            List<Instant> ends = ended.stream().map(StoredEvent::updatedAt).toList();
            long failed = ended.stream().filter(event -> event.status() == EventStatus.FAILED).count();
            Optional<String> problem = sent.firstRefusal().or(() -> ended.stream()
                    .filter(event -> event.status() == EventStatus.FAILED).findFirst()
                    .map(event -> event.type().path() + ": " + event.error().code() + " " + event.error().message()));
            return figures(sent, ended.size(), failed, finished ? 0 : measured.size() - ended.size(),
                    completionRate(ends), LatencySummary.of(acceptToDone), memory, problem, spent);
        }
    }

    PhaseFigures throughBaseline() throws InterruptedException {
        NaiveLedger ledger = rig.naive();
        rig.resetOrg(latencyMillis);
        ledger.clear();
        AwaitFinished.naive(ledger, warmUp(NaiveIntegration.PATH, WARM_UP_SECONDS, WARM_UP_MOST_EVENTS).accepted(),
                patience);
        rig.emulator().clearRequests();
        ledger.clear();
        Instant start = Instant.now();
        try (MemorySampler memory = MemorySampler.start()) {
            CpuUse cpu = CpuUse.start(rig.emulator());
            OpenLoopLoad.LoadResult sent = rig.load().drive(NaiveIntegration.PATH, rate, count, this::event);
            boolean finished = AwaitFinished.naive(ledger, sent.accepted(), patience);
            CpuUse.Split spent = cpu.stop();
            List<NaiveLedger.Entry> ended = ledger.entries();
            long[] acceptToDone = ended.stream()
                    .mapToLong(entry -> Duration.between(entry.receivedAt(), entry.finishedAt()).toMillis()).toArray();
            List<Instant> ends = ended.stream().map(NaiveLedger.Entry::finishedAt).toList();
            long failed = ended.stream().filter(entry -> !entry.succeeded()).count();
            return figures(sent, ended.size(), failed, finished ? 0 : sent.accepted() - ended.size(),
                    completionRate(ends), LatencySummary.of(acceptToDone), memory,
                    sent.firstRefusal().or(ledger::firstFailure), spent);
        }
    }

    /**
     * Events ended per second between the first end and the last: the offered rate for a system that keeps up
     * (the time each event takes shifts both ends alike), its capacity for one that falls behind.
     */
    static double completionRate(List<Instant> ends) {
        if (ends.size() < 2) {
            return 0;
        }
        Instant first = ends.stream().min(Instant::compareTo).orElseThrow();
        Instant last = ends.stream().max(Instant::compareTo).orElseThrow();
        return (ends.size() - 1) / Math.max(0.001, Duration.between(first, last).toNanos() / 1e9);
    }

    private PhaseFigures figures(OpenLoopLoad.LoadResult sent, long ended, long failed, long unfinished,
                                 double completedPerSecond, LatencySummary acceptToDone, MemorySampler memory,
                                 Optional<String> problem, CpuUse.Split cpu) {
        long calls = ApiCalls.total(rig.emulator().counters());
        return new PhaseFigures(sent.accepted(), sent.acceptedPerSecond(), ended, failed, unfinished,
                completedPerSecond, acceptToDone,
                ended == 0 ? 0 : (double) calls / ended, memory.peakHeapMb(), memory.peakLiveHeapMb(), memory.peakRssMb(),
                problem, cpu);
    }

    /** Events first, so that neither system is measured while its caches, connections and JIT are cold. */
    private OpenLoopLoad.LoadResult warmUp(String pathPrefix, int seconds, int mostEvents) throws InterruptedException {
        long first = WARM_UP_OFFSET + warmUpEvents;
        long events = Math.min(mostEvents, (long) seconds * Math.max(rate, WARM_UP_MIN_RATE));
        warmUpEvents += events;
        return rig.load().drive(pathPrefix, Math.max(rate, WARM_UP_MIN_RATE), events, n -> event(first + n));
    }

    private BenchEvent event(long n) {
        return events.next(mix.typeOf(n), n);
    }

    private static boolean ended(StoredEvent event) {
        return event.status() == EventStatus.DONE || event.status() == EventStatus.FAILED
                || event.status() == EventStatus.SKIPPED;
    }
}
