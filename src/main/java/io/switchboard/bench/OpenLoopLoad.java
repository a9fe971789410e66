package io.switchboard.bench;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * Posts events over HTTP at a fixed rate whatever the answers do (open loop): the n-th event leaves at n / rate
 * seconds on a pool of keep-alive connections, and a slow answer delays no later event; events waiting for a free
 * connection count that wait in their answer time. Jetty's non-blocking client, the one camel-salesforce uses, so
 * that the load takes as little as it can of the cores the engine is measured on.
 */
final class OpenLoopLoad implements AutoCloseable {
    static final int CONNECTIONS = 256;
    private static final Duration ANSWER_PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = new HttpClient();
    {
        // named, so that the benchmark can tell the load's CPU from the engine's
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(CpuUse.LOAD_THREADS);
        http.setExecutor(threads);
    }
    private final String baseUrl;
    private final String token;

    OpenLoopLoad(int port, String token) throws Exception {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.token = token;
        http.setMaxConnectionsPerDestination(CONNECTIONS);
        http.setMaxRequestsQueuedPerDestination(Integer.MAX_VALUE);
        http.setConnectTimeout(10_000);
        http.start();
    }

    /** What one load sent and how it was answered. */
    record LoadResult(Instant started, long sent, long accepted, long refused, Duration sending, Duration untilLastAnswer,
                  LatencySummary answerTimes, Optional<String> firstRefusal) {

        /** Accepted events per second, from the first request to the last answer. */
        double acceptedPerSecond() {
            return accepted / Math.max(0.001, untilLastAnswer.toNanos() / 1e9);
        }
    }

    /** Sends {@code count} events made by {@code events} to {@code pathPrefix + type} at {@code rate} per second. */
    LoadResult drive(String pathPrefix, int rate, long count, LongFunction<BenchEvent> events) throws InterruptedException {
        long[] answerMillis = new long[(int) count];
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicReference<String> firstRefusal = new AtomicReference<>();
        CountDownLatch answered = new CountDownLatch((int) count);
        Instant started = Instant.now();
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long due = start + (long) (n * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            BenchEvent event = events.apply(n);
            long sentAt = System.nanoTime();
            int index = n;
            post(pathPrefix + event.type().path(), event.json(), (result, body) -> {
                long now = System.nanoTime();
                answerMillis[index] = (now - sentAt) / 1_000_000;
                lastAnswer.accumulateAndGet(now, Math::max);
                int status = result.isSucceeded() ? result.getResponse().getStatus() : 0;
                if (status == 202 || status == 200) {
                    accepted.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                    firstRefusal.compareAndSet(null, status != 0 ? status + " " + body : String.valueOf(result.getFailure()));
                }
                answered.countDown();
            });
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - start);
        if (!answered.await(ANSWER_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            firstRefusal.compareAndSet(null, answered.getCount() + " answer(s) took longer than " + ANSWER_PATIENCE);
        }
        return new LoadResult(started, count, accepted.get(), refused.get(), sending,
                Duration.ofNanos(Math.max(0, lastAnswer.get() - start)), LatencySummary.of(answerMillis),
                Optional.ofNullable(firstRefusal.get()));
    }

    private void post(String path, String json, BiConsumer<Result, String> onAnswer) {
        http.POST(baseUrl + path)
                .headers(headers -> headers.put(HttpHeader.AUTHORIZATION, "Bearer " + token))
                .body(new StringRequestContent("application/json", json))
                .timeout(ANSWER_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                .send(new BufferingResponseListener() {
                    @Override
                    public void onComplete(Result result) {
                        onAnswer.accept(result, getContentAsString());
                    }
                });
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the load's HTTP client did not stop: " + e.getMessage(), e);
        }
    }
}
