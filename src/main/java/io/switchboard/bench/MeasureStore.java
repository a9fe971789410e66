package io.switchboard.bench;

import io.switchboard.config.EngineSettings;
import io.switchboard.events.ProducedRecord;
import io.switchboard.intake.EventParser;
import io.switchboard.intake.InvalidEventException;
import io.switchboard.store.Acceptance;
import io.switchboard.store.ClaimedEvent;
import io.switchboard.store.EventCursor;
import io.switchboard.store.EventFilter;
import io.switchboard.store.EventPage;
import io.switchboard.store.EventStore;
import io.switchboard.store.StoredEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The {@code store} scenario: the event store alone, without HTTP, routes or Salesforce. Events of the mix, parsed as
 * the intake parses them, are accepted at a fixed rate; a claimer takes due events as the worker's dispatcher does
 * (up to 64 a claim, at most every 5 ms, no more in flight than the worker's ceiling); each claimed event has its
 * claim confirmed twice, as before each Salesforce write (about 2.2 calls an event in the realistic mix), and is
 * marked done with two records. A first round of {@value #WARM_UP_SECONDS} s (at most three runs' length) compiles
 * the code and is not measured. It tells what the store costs an event (CPU, bytes written, the file's growth),
 * which the engine's scenarios cannot: there, on a shared machine, the runs differ more than a change to the store
 * moves them.
 */
final class MeasureStore {
    private static final String NODE = "bench-node";
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final int CLAIM_MAX = 64;
    private static final long CLAIM_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int WRITES_PER_EVENT = 2;
    private static final int LOAD_THREADS = 32;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int PAGE = 1_000;
    private static final long RUN_NUMBERS = 10_000_000L;
    /**
     * The code compiled before the runs. Even so the first run spends more (after 30 s about 1.4 times the CPU of
     * the later ones, after 10 s about 1.6 times), which the median of three leaves out.
     */
    private static final int WARM_UP_SECONDS = 30;

    /** One run: the events, from the first accepted to the last done, and what the store spent on them. */
    record Figures(long events, double seconds, long cpuMs, OptionalLong bytesWritten, OptionalLong fileBytes,
                   LatencySummary acceptToDone) {
        double eventsPerSecond() {
            return events / seconds;
        }

        double cpuMsPerEvent() {
            return (double) cpuMs / events;
        }

        /** Kilobytes this process wrote per event (its {@code wchar}); NaN where the system does not tell. */
        double kbWrittenPerEvent() {
            return bytesWritten.isPresent() ? bytesWritten.getAsLong() / 1024.0 / events : Double.NaN;
        }
    }

    private MeasureStore() {
    }

    static void run(BenchOptions options, PrintStream out) throws Exception {
        int rate = options.rateOf(Scenario.STORE);
        long seconds = options.duration().toSeconds();
        String url = options.engineSettings().get("SWITCHBOARD_DB_URL");
        out.printf("%n== store: the event store alone (%s), %d/s offered for %d s, mix %s; per event: its insert, a "
                        + "share of a claim, %d claim checks, its outcome%n", url == null ? "a fresh embedded H2 file"
                        : "SWITCHBOARD_DB_URL", rate, seconds, options.mixOf(Scenario.STORE), WRITES_PER_EVENT);
        once(options, rate, Duration.ofSeconds(Math.min(WARM_UP_SECONDS, 3 * options.duration().toSeconds())), url, 0);
        List<Figures> runs = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            Figures figures = once(options, rate, options.duration(), url, run);
            runs.add(figures);
            LatencySummary latency = figures.acceptToDone();
            out.printf("  run %d: %.1f events/s ended, accept-to-done p50 %d p95 %d p99 %d ms, CPU %.3f ms/event, "
                            + "%s written per event, store file %s%n", run, figures.eventsPerSecond(),
                    latency.p50(), latency.p95(), latency.p99(), figures.cpuMsPerEvent(),
                    kilobytes(figures.kbWrittenPerEvent()), figures.fileBytes().isPresent()
                            ? String.format("%,d MB", figures.fileBytes().getAsLong() >> 20) : "n/a (SWITCHBOARD_DB_URL)");
            out.flush();
        }
        out.printf("  median of %d runs: %.1f events/s, CPU %.3f ms/event, %s written per event, p99 %.0f ms%n",
                runs.size(), BenchReport.median(runs, Figures::eventsPerSecond),
                BenchReport.median(runs, Figures::cpuMsPerEvent),
                kilobytes(BenchReport.median(runs, Figures::kbWrittenPerEvent)),
                BenchReport.median(runs, figures -> figures.acceptToDone().p99()));
        out.println("  (CPU is this process's during the load but the load's threads, which parse the events; bytes "
                + "are what this process wrote, the store's file and its logs)");
    }

    private static String kilobytes(double kb) {
        return Double.isNaN(kb) ? "n/a KB" : String.format("%.1f KB", kb);
    }

    private static Figures once(BenchOptions options, int rate, Duration duration, String url, int run)
            throws Exception {
        Path folder = Files.createTempDirectory("switchboard-store-bench");
        long total = Math.max(1, (long) rate * duration.toSeconds());
        try (EventStore store = url == null ? EventStore.open(new EngineSettings(0, folder, null, null, false))
                : EventStore.open(url)) {
            Worker worker = new Worker(store, options.concurrency());
            ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS, named(CpuUse.LOAD_THREADS));
            AtomicInteger refused = new AtomicInteger();
            // what the round before left to collect is collected now, not during this load
            System.gc();
            CpuUse cpu = CpuUse.startWithoutEmulator();
            OptionalLong writtenBefore = ProcessIo.bytesWritten();
            // the store keeps times to the millisecond
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long start = System.nanoTime();
            worker.start();
            offer(store, options.mixOf(Scenario.STORE), run, total, rate, start, load, refused);
            boolean ended = worker.awaitEnded(total - refused.get(), duration.plus(PATIENCE));
            double seconds = (worker.lastEndNanos() - start) / 1e9;
            CpuUse.Split spent = cpu.stop();
            OptionalLong writtenAfter = ProcessIo.bytesWritten();
            load.shutdownNow();
            worker.stop();
            if (!ended || refused.get() > 0) {
                throw new IllegalStateException("the store ended " + worker.ended() + " of " + total + " events ("
                        + refused.get() + " not accepted: invalid, a repeat or refused by the store) within "
                        + duration.plus(PATIENCE).toSeconds() + " s");
            }
            OptionalLong written = writtenBefore.isPresent() && writtenAfter.isPresent()
                    ? OptionalLong.of(writtenAfter.getAsLong() - writtenBefore.getAsLong()) : OptionalLong.empty();
            OptionalLong fileBytes = url == null ? OptionalLong.of(folderBytes(folder)) : OptionalLong.empty();
            return new Figures(worker.ended(), seconds, spent.systemMs(), written, fileBytes,
                    acceptToDone(store, startedAt));
        } finally {
            BenchRig.deleteTree(folder);
        }
    }

    /**
     * Hands {@code total} events of the mix to the load's threads at {@code rate} from {@code start}, whatever the
     * store answers (open loop); each thread parses its event as the intake does and accepts it, counting in
     * {@code refused} what the store did not accept as new.
     */
    private static void offer(EventStore store, EventMix mix, int run, long total, int rate, long start,
                              ExecutorService load, AtomicInteger refused) {
        BenchEvents events = new BenchEvents("store" + run);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        for (long n = 0; n < total; n++) {
            long due = start + n * interval;
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            // numbered apart from other runs', as some events' keys are made of their number alone
            long number = run * RUN_NUMBERS + n;
            load.execute(() -> {
                BenchEvent event = events.next(mix.typeOf(number), number);
                try {
                    Acceptance acceptance = store.accept(EventParser.parse(event.type(),
                            event.json().getBytes(StandardCharsets.UTF_8)).toStore(null));
                    if (acceptance.outcome() != Acceptance.Outcome.ACCEPTED) {
                        refused.incrementAndGet();
                    }
                } catch (InvalidEventException | RuntimeException e) {
                    refused.incrementAndGet();
                }
            });
        }
    }

    /** The worker's part: claims, claim checks and outcomes, with as many events in flight as its ceiling. */
    private static final class Worker {
        private final EventStore store;
        private final Semaphore inFlight;
        private final ExecutorService runners;
        private final Thread claimer;
        private final AtomicLong ended = new AtomicLong();
        private final AtomicLong lastEnd = new AtomicLong();
        private volatile boolean running = true;

        Worker(EventStore store, int concurrency) {
            this.store = store;
            this.inFlight = new Semaphore(concurrency);
            this.runners = Executors.newFixedThreadPool(concurrency, named("bench-store-runner"));
            this.claimer = new Thread(this::claimWhileRunning, "bench-store-claimer");
        }

        void start() {
            claimer.start();
        }

        private void claimWhileRunning() {
            while (running) {
                long next = System.nanoTime() + CLAIM_SPACING_NANOS;
                int free = Math.min(CLAIM_MAX, inFlight.availablePermits());
                if (free > 0 && inFlight.tryAcquire(free)) {
                    List<ClaimedEvent> claimed = store.claimDue(free, NODE, LEASE);
                    inFlight.release(free - claimed.size());
                    claimed.forEach(claim -> runners.execute(() -> process(claim)));
                }
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            }
        }

        private void process(ClaimedEvent claim) {
            try {
                for (int write = 0; write < WRITES_PER_EVENT; write++) {
                    store.holdClaim(claim, Instant.now().plus(LEASE));
                }
                store.markDone(claim, List.of(new ProducedRecord("Contact", "003" + claim.id().substring(0, 15), "created"),
                        new ProducedRecord("Case", "500" + claim.id().substring(0, 15), "created")), List.of());
                lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                ended.incrementAndGet();
            } finally {
                inFlight.release();
            }
        }

        boolean awaitEnded(long events, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (ended.get() < events && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return ended.get() >= events;
        }

        long ended() {
            return ended.get();
        }

        long lastEndNanos() {
            return lastEnd.get();
        }

        void stop() throws InterruptedException {
            running = false;
            claimer.join();
            runners.shutdown();
            runners.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Accept-to-done of the run's events (those received from {@code from}), from the store's own times (received,
     * last changed), read after the load.
     */
    private static LatencySummary acceptToDone(EventStore store, Instant from) {
        EventFilter ofTheRun = new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(from),
                Optional.empty(), Optional.empty());
        List<Long> millis = new ArrayList<>();
        Optional<EventCursor> after = Optional.empty();
        do {
            EventPage page = store.page(ofTheRun, after, PAGE);
            for (StoredEvent event : page.events()) {
                millis.add(Duration.between(event.receivedAt(), event.updatedAt()).toMillis());
            }
            after = page.next();
        } while (after.isPresent());
        return LatencySummary.of(millis.stream().mapToLong(Long::longValue).toArray());
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
