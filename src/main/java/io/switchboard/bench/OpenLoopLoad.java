package io.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Posts events over HTTP at a fixed rate whatever the answers do (open loop): the n-th event leaves at n / rate
 * seconds, on as many connections as the answers in flight need, so a slow answer delays no later event.
 */
final class OpenLoopLoad {
    private static final Duration ANSWER_PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String token;

    OpenLoopLoad(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** What one load sent and how it was answered. */
    record Result(Instant started, long sent, long accepted, long refused, Duration sending, Duration untilLastAnswer,
                  LatencySummary answerTimes, Optional<String> firstRefusal) {

        /** Accepted events per second, from the first request to the last answer. */
        double acceptedPerSecond() {
            return accepted / Math.max(0.001, untilLastAnswer.toNanos() / 1e9);
        }
    }

    /** Sends {@code count} events made by {@code events} to {@code pathPrefix + type} at {@code rate} per second. */
    Result drive(String pathPrefix, int rate, long count, LongFunction<BenchEvent> events) throws InterruptedException {
        CompletableFuture<?>[] answers = new CompletableFuture<?>[(int) count];
        long[] answerMillis = new long[(int) count];
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicReference<String> firstRefusal = new AtomicReference<>();
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
            answers[n] = http.sendAsync(request(pathPrefix, event), HttpResponse.BodyHandlers.ofString())
                    .handle((answer, failure) -> {
                        long now = System.nanoTime();
                        answerMillis[index] = (now - sentAt) / 1_000_000;
                        lastAnswer.accumulateAndGet(now, Math::max);
                        if (failure == null && (answer.statusCode() == 202 || answer.statusCode() == 200)) {
                            accepted.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                            firstRefusal.compareAndSet(null, failure != null ? String.valueOf(failure)
                                    : answer.statusCode() + " " + answer.body());
                        }
                        return null;
                    });
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - start);
        try {
            CompletableFuture.allOf(answers).get(ANSWER_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            firstRefusal.compareAndSet(null, "some answers took longer than " + ANSWER_PATIENCE);
        } catch (ExecutionException e) {
            firstRefusal.compareAndSet(null, String.valueOf(e.getCause()));
        }
        return new Result(started, count, accepted.get(), refused.get(), sending,
                Duration.ofNanos(Math.max(0, lastAnswer.get() - start)), LatencySummary.of(answerMillis),
                Optional.ofNullable(firstRefusal.get()));
    }

    private HttpRequest request(String pathPrefix, BenchEvent event) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathPrefix + event.type().path()))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(ANSWER_PATIENCE)
                .POST(HttpRequest.BodyPublishers.ofString(event.json()))
                .build();
    }
}
