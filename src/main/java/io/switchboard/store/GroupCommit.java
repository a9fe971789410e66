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
 * Commits the inserts of concurrent requests together: one thread takes every event waiting, stores them in one
 * transaction and then answers each caller. A commit costs the same for one row as for a hundred (it is the write to
 * disk), so under load many events share one and each caller still returns only after its row is committed.
 */
final class GroupCommit implements AutoCloseable {
    private static final int MAX_BATCH = 256;
    /** How often an idle committer checks whether the store is closing; never interrupted, as H2 closes its file then. */
    private static final long IDLE_POLL_MILLIS = 100;

    /** One event waiting for its commit, and the caller's answer once it is done. */
    record Waiting(NewEvent event, CompletableFuture<Acceptance> acceptance) {
    }

    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<Waiting>> storeAll;
    private final Thread committer;
    private volatile boolean running = true;

    /** @param storeAll stores the batch and completes every waiting acceptance, normally or exceptionally */
    GroupCommit(Consumer<List<Waiting>> storeAll) {
        this.storeAll = storeAll;
        this.committer = new Thread(this::commitWhileRunning, "switchboard-store-committer");
        committer.setDaemon(true);
        committer.start();
    }

    /** Answers once the event's insert is committed (or found to repeat an idempotency key). */
    Acceptance accept(NewEvent event) {
        if (!running) {
            throw new StoreException("the event store is closed");
        }
        CompletableFuture<Acceptance> acceptance = new CompletableFuture<>();
        queue.add(new Waiting(event, acceptance));
        try {
            return acceptance.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * Answers, in order, once every event's insert is committed: queued together, they share the committer's
     * transactions ({@value #MAX_BATCH} at most each) instead of taking one commit apiece.
     */
    List<Acceptance> acceptAll(List<NewEvent> events) {
        if (!running) {
            throw new StoreException("the event store is closed");
        }
        List<Waiting> waiting = events.stream().map(event -> new Waiting(event, new CompletableFuture<>())).toList();
        queue.addAll(waiting);
        List<Acceptance> acceptances = new ArrayList<>(waiting.size());
        for (Waiting one : waiting) {
            try {
                acceptances.add(one.acceptance().join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        return acceptances;
    }

    private void commitWhileRunning() {
        while (running || !queue.isEmpty()) {
            Waiting first;
            try {
                first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Waiting> batch = new ArrayList<>(List.of(first));
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                storeAll.accept(batch);
            } catch (RuntimeException e) {
                batch.forEach(waiting -> waiting.acceptance().completeExceptionally(e));
            }
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
