package io.switchboard.contacts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The source platform's contact endpoint, as the sync sees it over HTTP: records every delivery with its headers,
 * and answers 200, or a given status a given number of times first.
 */
public final class SourcePlatformStub implements AutoCloseable {
    /** One delivery as the platform received it. */
    public record Received(String body, String idempotencyKey, String signature, String contentType,
                           Map<String, List<String>> headers, int answered) {
    }

    private final HttpServer server;
    private final String path;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile long answerDelayMillis;

    private SourcePlatformStub(HttpServer server, String path) {
        this.server = server;
        this.path = path;
    }

    /** The contact sync's endpoint, {@code /contacts}. */
    public static SourcePlatformStub start() {
        return start("/contacts");
    }

    /** The platform taking POSTs at {@code path}, such as its SMS campaign endpoint. */
    public static SourcePlatformStub start(String path) {
        try {
            SourcePlatformStub stub = new SourcePlatformStub(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0),
                    path);
            stub.server.createContext(path, exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = stub.failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? stub.failureStatus : 200;
                stub.received.add(new Received(body, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("X-Switchboard-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), Map.copyOf(exchange.getRequestHeaders()),
                        status));
                pause(stub.answerDelayMillis);
                byte[] answer = (status == 200 ? "{\"ok\":true}" : "{\"error\":\"not now\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            stub.server.setExecutor(Executors.newFixedThreadPool(8));
            stub.server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code times} deliveries are answered {@code status}. */
    public void failNext(int times, int status) {
        failureStatus = status;
        failuresLeft.set(times);
    }

    /** From now on every request is recorded at once and answered only after {@code delay}. */
    public void answerAfter(java.time.Duration delay) {
        answerDelayMillis = delay.toMillis();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public void clear() {
        received.clear();
        failuresLeft.set(0);
        answerDelayMillis = 0;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
