package io.switchboard.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Commits the writes of concurrent callers together: one thread takes every item waiting, writes them in one
 * transaction and then answers each caller. A commit costs the same for one row as for a hundred (it is the write to
 * disk), so under load many share one and each caller still returns only after its own write is committed. The
 * intake's inserts go through one, the worker's outcomes through another.
 *
 * @param <T> what a caller hands in to be written
 * @param <R> what the caller is answered once it is committed
 */
final class GroupCommit<T, R> implements AutoCloseable {
    private static final int MAX_BATCH = 256;
    /**
     * While callers come concurrently (the last batch had more than one), the committer waits this long after the
     * first of a batch for others to share its commit: a commit of the embedded store costs about the same for one
     * row as for fifty, and at a few hundred events a second the queue otherwise holds one or two when it looks.
     * A lone caller is never held.
     */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(3);
    /** How often an idle committer checks whether the store is closing; never interrupted, as H2 closes its file then. */
    private static final long IDLE_POLL_MILLIS = 100;

    /** One item waiting for its commit, and the caller's answer once it is done. */
    record Waiting<T, R>(T item, CompletableFuture<R> answer) {
    }

    private final BlockingQueue<Waiting<T, R>> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<Waiting<T, R>>> storeAll;
    private final Thread committer;
    private volatile boolean running = true;
    /** The committer's own: how many the last batch held. */
    private int lastBatch;

    /** @param storeAll writes the batch and completes every waiting answer, normally or exceptionally */
    GroupCommit(String threadName, Consumer<List<Waiting<T, R>>> storeAll) {
        this.storeAll = storeAll;
        this.committer = new Thread(this::commitWhileRunning, threadName);
        committer.setDaemon(true);
        committer.start();
    }

    /** Answers once the item's write is committed. */
    R submit(T item) {
        if (!running) {
            throw new StoreException("the event store is closed");
        }
        CompletableFuture<R> answer = new CompletableFuture<>();
        queue.add(new Waiting<>(item, answer));
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * Answers, in order, once every item's write is committed: queued together, they share the committer's
     * transactions ({@value #MAX_BATCH} at most each) instead of taking one commit apiece.
     */
    List<R> submitAll(List<T> items) {
        if (!running) {
            throw new StoreException("the event store is closed");
        }
        List<Waiting<T, R>> waiting = items.stream()
                .map(item -> new Waiting<T, R>(item, new CompletableFuture<>())).toList();
        queue.addAll(waiting);
        List<R> answers = new ArrayList<>(waiting.size());
        for (Waiting<T, R> one : waiting) {
            try {
                answers.add(one.answer().join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        return answers;
    }

    private void commitWhileRunning() {
        while (running || !queue.isEmpty()) {
            Waiting<T, R> first;
            try {
                first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Waiting<T, R>> batch = new ArrayList<>(List.of(first));
            queue.drainTo(batch, MAX_BATCH - 1);
            if (lastBatch > 1) {
                gather(batch);
            }
            lastBatch = batch.size();
            try {
                storeAll.accept(batch);
            } catch (RuntimeException e) {
                batch.forEach(waiting -> waiting.answer().completeExceptionally(e));
            }
        }
    }

    /** Adds what arrives within {@link #GATHER_NANOS} of now, up to a full batch. */
    private void gather(List<Waiting<T, R>> batch) {
        long deadline = System.nanoTime() + GATHER_NANOS;
        while (batch.size() < MAX_BATCH) {
            long left = deadline - System.nanoTime();
            Waiting<T, R> next;
            try {
                next = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    /** Stores what is already waiting, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
