package io.switchboard.attachments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The download service on its own, against a file server on 127.0.0.1: each file is downloaded once however often
 * its event asks, the event is told when it settles (again and again until it can be made due), released files are
 * forgotten so a replay starts afresh, and the content held never exceeds the budget.
 */
class AttachmentDownloadsTest {
    private static final byte[] FILE = new byte[1000];
    private static final AllowedHosts LOOPBACK = AllowedHosts.of(List.of("127.0.0.1"));

    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> toldDue = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private AttachmentDownloads downloads;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, FILE.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(FILE);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (downloads != null) {
            downloads.close();
        }
        server.stop(0);
    }

    private FileKey key(String eventId) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/files/" + eventId;
        return new FileKey(eventId, 2, 0, url);
    }

    private static FileRequest request(FileKey key) {
        return new FileRequest(key.url(), LOOPBACK, Duration.ofSeconds(5), 3);
    }

    private FileState awaitSettled(FileKey key) throws InterruptedException {
        return await(() -> downloads.fetch(key, request(key)), state -> !(state instanceof FileState.Pending));
    }

    private static <T> T await(Supplier<T> value, Predicate<T> settled) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            T current = value.get();
            if (settled.test(current)) {
                return current;
            }
            Thread.sleep(10);
        }
        return fail("not settled within 10 s: " + value.get());
    }

    @Test
    void shouldDownloadAFileOnceHoweverOftenItsEventAsksAndTellTheEvent() throws Exception {
        downloads = new AttachmentDownloads(2, 10_000, eventId -> toldDue.add(eventId));
        FileKey key = key("event-1");
        FileState first = downloads.fetch(key, request(key));
        assertInstanceOf(FileState.Pending.class, first);
        assertTrue(((FileState.Pending) first).expectedBy().isAfter(Instant.now().plusSeconds(4)),
                "pending at least one timeout from now: " + first);

        FileState settled = awaitSettled(key);
        assertArrayEquals(FILE, ((FileState.Downloaded) settled).content());
        assertArrayEquals(FILE, ((FileState.Downloaded) downloads.fetch(key, request(key))).content());
        assertEquals(1, requests.get());
        assertEquals(List.of("event-1"), await(() -> toldDue, told -> !told.isEmpty()));
        assertEquals(FILE.length, downloads.heldBytes());
    }

    @Test
    void shouldForgetAReleasedFileSoTheNextAskDownloadsItAfresh() throws Exception {
        downloads = new AttachmentDownloads(2, 10_000, eventId -> true);
        FileKey key = key("event-1");
        downloads.fetch(key, request(key));
        awaitSettled(key);
        downloads.release("event-1");
        assertEquals(0, downloads.heldBytes());

        // the new download may already have ended by the time fetch answers (the test server is local and quick)
        FileState again = downloads.fetch(key, request(key));
        assertTrue(again instanceof FileState.Pending || again instanceof FileState.Downloaded, "got " + again);
        awaitSettled(key);
        assertEquals(2, requests.get(), "the released file was fetched again, not served from memory");
    }

    @Test
    void shouldTellTheEventAgainUntilItCanBeMadeDue() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        // the event is still in the run that is about to hold it: not pending for the first three tries
        downloads = new AttachmentDownloads(2, 10_000, eventId -> tries.incrementAndGet() > 3);
        FileKey key = key("event-1");
        downloads.fetch(key, request(key));
        awaitSettled(key);
        assertEquals(4, (int) await(tries::get, count -> count >= 4));
        Thread.sleep(500);
        assertEquals(4, tries.get(), "once due, the event is told no more");
    }

    @Test
    void shouldHoldNoMoreContentThanTheBudgetAndResumeOnceSomeIsTaken() throws Exception {
        downloads = new AttachmentDownloads(2, (long) (FILE.length * 1.5), eventId -> true);
        FileKey first = key("event-1");
        FileKey second = key("event-2");
        downloads.fetch(first, request(first));
        awaitSettled(first);
        downloads.fetch(second, request(second));
        Thread.sleep(300);
        assertInstanceOf(FileState.Pending.class, downloads.fetch(second, request(second)),
                "the second file does not fit beside the first");
        assertEquals(FILE.length, downloads.heldBytes());

        downloads.release("event-1");
        assertArrayEquals(FILE, ((FileState.Downloaded) awaitSettled(second)).content());
        assertEquals(FILE.length, downloads.heldBytes());
    }

    @Test
    void shouldWaitHalfASecondAfterTheFirstTransientFailureDoublingUpToThirtySeconds() {
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(16),
                Duration.ofSeconds(30)), List.of(AttachmentDownloads.backoff(1), AttachmentDownloads.backoff(2),
                AttachmentDownloads.backoff(3), AttachmentDownloads.backoff(6), AttachmentDownloads.backoff(7)));
    }
}
