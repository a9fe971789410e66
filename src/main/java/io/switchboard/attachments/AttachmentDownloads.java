package io.switchboard.attachments;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's attachment downloads, on a fixed pool of threads of their own, so that a slow or silent file server
 * holds a download thread and never one of the worker's. An event's step asks for each of its files with
 * {@link #fetch}: the first ask starts the download and every ask answers where it stands, so the event can wait,
 * pending, without a thread. Each file gets up to its request's attempts against transient failures, with backoff
 * between; when it settles, the event is made due at once. Downloaded content is held only until the event takes
 * it ({@link #release}) or {@link #KEPT_FOR} has passed, and all content held at once, in progress or waiting,
 * stays within {@link #MAX_HELD_BYTES}.
 */
public final class AttachmentDownloads implements AutoCloseable {
    /** Room for several files at the 10 MB limit, whatever the concurrency; beyond it downloads wait their turn. */
    static final long MAX_HELD_BYTES = 64L * 1024 * 1024;
    /** A settled file's event is due at once; one that has not come for it by then fetches it afresh when it does. */
    static final Duration KEPT_FOR = Duration.ofMinutes(5);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration OVER_BUDGET_WAIT = Duration.ofSeconds(1);
    /** The event may still be in the run that is about to hold it: telling it again after these waits, doubling. */
    private static final Duration FIRST_RETELL = Duration.ofMillis(50);
    private static final Duration MAX_RETELL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentDownloads.class);

    /** Makes a pending event due now; false when it is not pending (yet). */
    @FunctionalInterface
    public interface DueEvents {
        boolean makeDue(String eventId);
    }

    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final ByteBudget budget;
    private final DueEvents dueEvents;
    private final Map<FileKey, Download> downloads = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public AttachmentDownloads(DownloadSettings settings, DueEvents dueEvents) {
        this(settings.concurrency(), MAX_HELD_BYTES, dueEvents);
    }

    AttachmentDownloads(int concurrency, long maxHeldBytes, DueEvents dueEvents) {
        this.pool = Executors.newFixedThreadPool(concurrency, daemonThreads("switchboard-download-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("switchboard-download-timer-"));
        this.budget = new ByteBudget(maxHeldBytes);
        this.dueEvents = dueEvents;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Where the file stands; the first ask for a key starts its download. A pending answer is due no sooner than
     * one timeout from now, so an event whose file waits in a long queue does not come back for it over and over.
     */
    public FileState fetch(FileKey key, FileRequest request) {
        Download fresh = new Download(key, request, expectedBy(request, 0));
        Download known = downloads.putIfAbsent(key, fresh);
        if (known == null) {
            submit(fresh);
        }
        FileState state = (known == null ? fresh : known).state();
        if (state instanceof FileState.Pending pending) {
            Instant soonest = Instant.now().plus(request.timeout());
            return new FileState.Pending(pending.expectedBy().isAfter(soonest) ? pending.expectedBy() : soonest);
        }
        return state;
    }

    /**
     * Forgets every file of the event, settled or not, giving their bytes back and cutting off their attempts: the
     * event has taken what it needed, or failed, and a replay starts afresh.
     */
    public void release(String eventId) {
        downloads.forEach((key, download) -> {
            if (key.eventId().equals(eventId) && downloads.remove(key, download)) {
                download.giveUp(budget);
            }
        });
    }

    private void submit(Download download) {
        try {
            pool.execute(() -> attempt(download));
        } catch (RejectedExecutionException stopped) {
            // the engine is stopping; its events go back to pending and fetch their files again
        }
    }

    private void attempt(Download download) {
        FileRequest request = download.request();
        URI url;
        try {
            url = new URI(request.url());
        } catch (URISyntaxException e) {
            settle(download, new FileState.Unavailable(AllowedHosts.REFUSED), 0);
            return;
        }
        FetchAttempt attempt = new FetchAttempt(url, request.allowed(), request.timeout(), budget, timer);
        if (!download.start(attempt, expectedBy(request, download.failedAttemptsSoFar()))) {
            return;
        }
        try {
            byte[] content = attempt.run();
            settle(download, new FileState.Downloaded(content), content.length);
        } catch (DownloadFailure failure) {
            handle(download, failure);
        }
    }

    private void handle(Download download, DownloadFailure failure) {
        FileRequest request = download.request();
        switch (failure.kind()) {
            case REFUSED -> settle(download, new FileState.Unavailable(AllowedHosts.REFUSED), 0);
            case PERMANENT -> settle(download, new FileState.Unavailable("could not be downloaded from " + request.url()
                    + ": " + failure.getMessage()), 0);
            case OVER_BUDGET -> {
                download.waiting(expectedBy(request, download.failedAttemptsSoFar()).plus(OVER_BUDGET_WAIT));
                schedule(() -> submit(download), OVER_BUDGET_WAIT);
            }
            case TRANSIENT -> {
                int failed = download.failedOnce();
                LOG.info("Attachment download for event {}, attempt {} of {}, failed: {}", download.key().eventId(),
                        failed, request.maxAttempts(), failure.getMessage());
                if (failed >= request.maxAttempts()) {
                    settle(download, new FileState.Unavailable("could not be downloaded from " + request.url() + " in "
                            + failed + (failed == 1 ? " attempt: " : " attempts: ") + failure.getMessage()), 0);
                } else {
                    Duration backoff = backoff(failed);
                    download.waiting(Instant.now().plus(backoff).plus(remaining(request, failed)));
                    schedule(() -> submit(download), backoff);
                }
            }
        }
    }

    private void settle(Download download, FileState settled, long bytes) {
        if (!download.settle(settled, bytes, budget)) {
            return;
        }
        schedule(() -> {
            if (downloads.remove(download.key(), download)) {
                download.giveUp(budget);
            }
        }, KEPT_FOR);
        tellEvent(download, FIRST_RETELL);
    }

    /** Until the event is pending and due, or has taken the file, or the file expired. */
    private void tellEvent(Download download, Duration nextWait) {
        if (closed || download.givenUp()) {
            return;
        }
        try {
            if (dueEvents.makeDue(download.key().eventId())) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot make event {} due for its downloaded attachment, will try again: {}",
                    download.key().eventId(), e.getMessage());
        }
        Duration after = nextWait.multipliedBy(2).compareTo(MAX_RETELL) > 0 ? MAX_RETELL : nextWait.multipliedBy(2);
        schedule(() -> tellEvent(download, after), nextWait);
    }

    private void schedule(Runnable task, Duration after) {
        try {
            timer.schedule(task, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // the engine is stopping
        }
    }

    /** When the file will have settled at the latest, attempts and waits left included, from now. */
    private static Instant expectedBy(FileRequest request, int failedSoFar) {
        return Instant.now().plus(remaining(request, failedSoFar));
    }

    private static Duration remaining(FileRequest request, int failedSoFar) {
        Duration total = Duration.ZERO;
        for (int attempt = failedSoFar + 1; attempt <= request.maxAttempts(); attempt++) {
            total = total.plus(request.timeout());
            if (attempt < request.maxAttempts()) {
                total = total.plus(backoff(attempt));
            }
        }
        return total;
    }

    /** The wait after the {@code failed}-th transient failure: half a second, doubling, at most 30 s. */
    static Duration backoff(int failed) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failed - 1, 16));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** Bytes of content held now, for tests of the bound. */
    long heldBytes() {
        return budget.held();
    }

    @Override
    public void close() {
        closed = true;
        downloads.values().forEach(download -> download.giveUp(budget));
        downloads.clear();
        pool.shutdownNow();
        timer.shutdownNow();
    }
}
