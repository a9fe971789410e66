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
    /** Seconds of the run's own rate before it is measured: long enough for the JIT, so that runs agree. */
    private static final int WARM_UP_SECONDS = 5;
    private static final int WARM_UP_MOST_EVENTS = 5_000;
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

    SteadyLoad(BenchRig rig, Scenario scenario, BenchOptions options, BenchEvents events) {
        this.rig = rig;
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
        warmUp("/events/");
        AwaitFinished.engine(store, patience);
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
        AwaitFinished.naive(ledger, warmUp(NaiveIntegration.PATH).accepted(), patience);
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
    private OpenLoopLoad.LoadResult warmUp(String pathPrefix) throws InterruptedException {
        return rig.load().drive(pathPrefix, Math.max(rate, WARM_UP_MIN_RATE),
                Math.min(WARM_UP_MOST_EVENTS, (long) WARM_UP_SECONDS * rate), n -> event(WARM_UP_OFFSET + n));
    }

    private BenchEvent event(long n) {
        return events.next(mix.typeOf(n), n);
    }

    private static boolean ended(StoredEvent event) {
        return event.status() == EventStatus.DONE || event.status() == EventStatus.FAILED
                || event.status() == EventStatus.SKIPPED;
    }
}
