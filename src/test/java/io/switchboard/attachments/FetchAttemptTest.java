package io.switchboard.attachments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One download attempt against file servers on 127.0.0.1 and 127.0.0.2 (both loopback): what it fetches, what it
 * refuses before any request, how it tells a retry from a lost cause, and that its deadline covers the whole body.
 */
class FetchAttemptTest {
    private static final byte[] INVOICE = "%PDF-1.4 a small invoice".getBytes(StandardCharsets.US_ASCII);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
    private static HttpServer files;
    private static HttpServer other;
    private static ScheduledExecutorService timer;

    @BeforeAll
    static void startServers() throws IOException {
        timer = Executors.newSingleThreadScheduledExecutor();
        other = server("127.0.0.2");
        other.createContext("/", exchange -> answer(exchange, 200, INVOICE));
        other.start();
        files = server("127.0.0.1");
        files.createContext("/files/invoice.pdf", exchange -> answer(exchange, 200, INVOICE));
        files.createContext("/missing", exchange -> answer(exchange, 404, new byte[0]));
        files.createContext("/busy", exchange -> answer(exchange, 503, new byte[0]));
        files.createContext("/to-other-loopback", exchange -> redirect(exchange,
                "http://127.0.0.2:" + other.getAddress().getPort() + "/files/invoice.pdf"));
        files.createContext("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));
        files.createContext("/to-invoice", exchange -> redirect(exchange, "/files/invoice.pdf"));
        files.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        files.createContext("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    body.write('x');
                    body.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException cutOff) {
                // the client hung up, which is what the test wants
            }
        });
        files.createContext("/big", exchange -> answer(exchange, 200, new byte[FetchAttempt.MAX_BYTES + 1]));
        files.start();
    }

    private static HttpServer server(String address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        return server;
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        count(exchange);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        count(exchange);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void count(HttpExchange exchange) {
        String server = exchange.getLocalAddress().getAddress().getHostAddress();
        REQUESTS.computeIfAbsent(server + exchange.getRequestURI().getPath(), key -> new AtomicInteger()).incrementAndGet();
    }

    @AfterAll
    static void stopServers() {
        files.stop(0);
        other.stop(0);
        timer.shutdownNow();
    }

    @BeforeEach
    void forgetRequests() {
        REQUESTS.clear();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + files.getAddress().getPort() + path;
    }

    private static byte[] fetch(String url, ByteBudget budget, Duration timeout, String... allowed) throws DownloadFailure {
        return new FetchAttempt(URI.create(url), AllowedHosts.of(List.of(allowed)), timeout, budget, timer).run();
    }

    private static DownloadFailure failure(String url, String... allowed) {
        return assertThrows(DownloadFailure.class, () -> fetch(url, new ByteBudget(Long.MAX_VALUE), TIMEOUT, allowed));
    }

    private static void assertRefused(DownloadFailure failure) {
        assertEquals(DownloadFailure.Kind.REFUSED, failure.kind());
        assertEquals("attachment host not allowed", failure.getMessage());
    }

    @Test
    void shouldDownloadFromAnAddressListedByAddressAndKeepItsBytesTaken() throws Exception {
        ByteBudget budget = new ByteBudget(1024);
        assertArrayEquals(INVOICE, fetch(url("/files/invoice.pdf"), budget, TIMEOUT, "127.0.0.1"));
        assertEquals(INVOICE.length, budget.held());
        assertArrayEquals(INVOICE, fetch(url("/to-invoice"), new ByteBudget(1024), TIMEOUT, "127.0.0.1"),
                "a redirect within the allowed host is followed");
    }

    @Test
    void shouldRefuseLoopbackReachedThroughANameWithoutAnyRequest() {
        String byName = "http://localhost:" + files.getAddress().getPort() + "/files/invoice.pdf";
        assertRefused(failure(byName, "localhost"));
        assertRefused(failure(url("/files/invoice.pdf"), "localhost"));
        assertRefused(failure(url("/files/invoice.pdf"), "files.witiop.com", "*.witiop.com"));
        assertEquals(Map.of(), REQUESTS);
    }

    @Test
    void shouldCheckEveryRedirectHopAndNeverRequestARefusedOne() {
        assertRefused(failure(url("/to-other-loopback"), "127.0.0.1"));
        assertRefused(failure(url("/to-file"), "127.0.0.1"));
        assertEquals(Map.of("127.0.0.1/to-other-loopback", 1, "127.0.0.1/to-file", 1), counts());
    }

    @Test
    void shouldRefuseOtherSchemesAndUserInfoWithoutAnyRequest() {
        String port = String.valueOf(files.getAddress().getPort());
        assertRefused(failure("http://user:secret@127.0.0.1:" + port + "/files/invoice.pdf", "127.0.0.1"));
        assertRefused(failure("ftp://127.0.0.1:" + port + "/files/invoice.pdf", "127.0.0.1"));
        assertRefused(failure("file:///etc/passwd", "127.0.0.1"));
        assertEquals(Map.of(), REQUESTS);
    }

    @Test
    void shouldTellAnswersWorthAnotherAttemptFromLostCauses() throws IOException {
        DownloadFailure missing = failure(url("/missing"), "127.0.0.1");
        assertEquals(DownloadFailure.Kind.PERMANENT, missing.kind());
        assertEquals("HTTP 404", missing.getMessage());
        DownloadFailure busy = failure(url("/busy"), "127.0.0.1");
        assertEquals(DownloadFailure.Kind.TRANSIENT, busy.kind());
        assertEquals("HTTP 503", busy.getMessage());
        DownloadFailure loop = failure(url("/loop"), "127.0.0.1");
        assertEquals(DownloadFailure.Kind.PERMANENT, loop.kind());
        assertEquals("more than 5 redirects", loop.getMessage());
        assertEquals(6, REQUESTS.get("127.0.0.1/loop").get());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(DownloadFailure.Kind.TRANSIENT,
                failure("http://127.0.0.1:" + closedPort + "/x", "127.0.0.1").kind());
    }

    @Test
    void shouldCutABodyStillArrivingAtTheTimeoutAndGiveItsBytesBack() {
        ByteBudget budget = new ByteBudget(1024);
        long start = System.nanoTime();
        DownloadFailure slow = assertThrows(DownloadFailure.class,
                () -> fetch(url("/slow"), budget, Duration.ofMillis(400), "127.0.0.1"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(DownloadFailure.Kind.TRANSIENT, slow.kind());
        assertEquals("not complete within 400 ms", slow.getMessage());
        assertTrue(millis >= 400 && millis < 3_000, millis + " ms");
        assertEquals(0, budget.held());
    }

    @Test
    void shouldRefuseAFileOverTenMegabytesAndAnyBeyondTheBudget() {
        ByteBudget budget = new ByteBudget(Long.MAX_VALUE);
        DownloadFailure big = assertThrows(DownloadFailure.class, () -> fetch(url("/big"), budget, TIMEOUT, "127.0.0.1"));
        assertEquals(DownloadFailure.Kind.PERMANENT, big.kind());
        assertEquals("larger than the 10 MB an attachment may have", big.getMessage());
        assertEquals(0, budget.held());

        ByteBudget small = new ByteBudget(INVOICE.length - 1);
        DownloadFailure over = assertThrows(DownloadFailure.class,
                () -> fetch(url("/files/invoice.pdf"), small, TIMEOUT, "127.0.0.1"));
        assertEquals(DownloadFailure.Kind.OVER_BUDGET, over.kind());
        assertEquals(0, small.held());
    }

    /**
     * Issue: plain sockets honour the JVM's socksProxyHost, so a download would leave from the proxy's network. The
     * JVM takes loopback addresses past a SOCKS proxy anyway, so the file here is served on this machine's own
     * network address, listed by address.
     */
    @Test
    void shouldConnectStraightToTheCheckedAddressWhateverSocksProxyTheJvmNames() throws Exception {
        InetAddress own = ownNetworkAddress();
        HttpServer onNetwork = server(own.getHostAddress());
        onNetwork.createContext("/files/invoice.pdf", exchange -> answer(exchange, 200, INVOICE));
        onNetwork.start();
        AtomicInteger proxied = new AtomicInteger();
        try (ServerSocket socksProxy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread proxy = new Thread(() -> {
                while (!socksProxy.isClosed()) {
                    try (Socket connection = socksProxy.accept()) {
                        proxied.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            proxy.setDaemon(true);
            proxy.start();
            System.setProperty("socksProxyHost", "127.0.0.1");
            System.setProperty("socksProxyPort", String.valueOf(socksProxy.getLocalPort()));
            try {
                String url = "http://" + own.getHostAddress() + ":" + onNetwork.getAddress().getPort() + "/files/invoice.pdf";
                assertArrayEquals(INVOICE, fetch(url, new ByteBudget(1024), TIMEOUT, own.getHostAddress()));
            } finally {
                System.clearProperty("socksProxyHost");
                System.clearProperty("socksProxyPort");
            }
        } finally {
            onNetwork.stop(0);
        }
        assertEquals(0, proxied.get(), "connections through the SOCKS proxy");
    }

    /** An IPv4 address of this machine that is not loopback; a machine without a network has none to test with. */
    private static InetAddress ownNetworkAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                    return address;
                }
            }
        }
        assumeTrue(false, "this machine has no network address besides loopback");
        return null;
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        REQUESTS.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }
}
