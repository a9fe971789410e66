package io.switchboard.behaviours.conversation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local server for attachment URLs that counts every request it gets, by path. */
final class FileServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private FileServer(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
    }

    /** A server on a free port of {@code address}, such as 127.0.0.1 or another loopback address. */
    static FileServer start(String address) throws IOException {
        FileServer files = new FileServer(HttpServer.create(new InetSocketAddress(address, 0), 0));
        files.server.start();
        return files;
    }

    void serve(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.computeIfAbsent(exchange.getRequestURI().getPath(), key -> new AtomicInteger()).incrementAndGet();
            handler.handle(exchange);
        });
    }

    void serveFile(String path, byte[] content) {
        serve(path, exchange -> answer(exchange, 200, content));
    }

    void serveRedirect(String path, String location) {
        serve(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            answer(exchange, 302, new byte[0]);
        });
    }

    static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    int requests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    void forgetRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
