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
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;

    private SourcePlatformStub(HttpServer server) {
        this.server = server;
    }

    public static SourcePlatformStub start() {
        try {
            SourcePlatformStub stub = new SourcePlatformStub(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            stub.server.createContext("/contacts", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = stub.failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? stub.failureStatus : 200;
                stub.received.add(new Received(body, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("X-Switchboard-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), Map.copyOf(exchange.getRequestHeaders()),
                        status));
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
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/contacts";
    }

    /** The next {@code times} deliveries are answered {@code status}. */
    public void failNext(int times, int status) {
        failureStatus = status;
        failuresLeft.set(times);
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public void clear() {
        received.clear();
        failuresLeft.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
