package io.switchboard.behaviours.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.RunningEngine;
import io.switchboard.store.EventStatus;
import io.switchboard.store.StoredEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attachment servers that are slow or speak no HTTP, against an engine with the default 8 workers and 4 download
 * threads: each attempt is cut at attachments.timeoutSeconds (1 s here) with its body included, retried up to
 * maxAttempts, and the file then ends as whenUnavailable says; meanwhile the waiting events hold no worker, so
 * other events go on. Timings are compared with one another, never with fixed wall-clock limits.
 */
class ConversationClosedSlowDownloadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<EventStatus> FINISHED = Set.of(EventStatus.DONE, EventStatus.FAILED, EventStatus.SKIPPED);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final Path CALL = Path.of("src/test/resources/events/call-inbound-answered.json");
    private static SalesforceEmulator emulator;
    private static RunningEngine engine;
    private static ConversationEvents events;
    private static FileServer files;
    private static Path mapping;
    private static String shipped;

    @BeforeAll
    static void start() throws Exception {
        files = FileServer.start("127.0.0.1");
        files.serve("/slow/", exchange -> {
            // 100 bytes announced, one sent a second: never complete within any timeout a test uses
            exchange.sendResponseHeaders(200, 100);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    body.write('x');
                    body.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException cutOff) {
                // the engine hung up at its timeout, as it should
            }
        });
        Path home = RunningEngine.copyProject(Files.createTempDirectory("switchboard-slow-downloads"));
        mapping = home.resolve("config/conversation-closed.yaml");
        shipped = Files.readString(mapping);
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        engine = RunningEngine.startIn(emulator, home, Map.of("SF_CUSTOMER_COMMENT_USERNAME",
                SeededOrg.CUSTOMER_COMMENT_EMAIL));
        events = new ConversationEvents(engine, emulator);
    }

    @AfterAll
    static void stop() {
        engine.close();
        emulator.close();
        files.close();
    }

    @BeforeEach
    void reset() {
        emulator.admin().reset();
        files.forgetRequests();
    }

    @Test
    void shouldCutASlowBodyAtTheTimeoutTryItMaxAttemptsTimesThenFailTheEventWithTheReason() throws Exception {
        useAttachments(3, "fail");
        String url = files.url("/slow/receipt.pdf");
        ObjectNode event = withAttachment("receipt.pdf", url);
        Instant start = Instant.now();
        JsonNode status = events.process(event);
        long millis = Duration.between(start, Instant.now()).toMillis();

        assertEquals("failed", status.path("status").asText(), status.toString());
        assertEquals("attachment 'receipt.pdf' of message wamid.003: could not be downloaded from " + url
                + " in 3 attempts: not complete within 1 s", status.path("error").path("message").asText());
        assertEquals(3, files.requests("/slow/receipt.pdf"));
        assertEquals(1, status.path("attempts").asInt(), "waiting for the downloads counted no attempt");
        // three attempts of 1 s with 0.5 s and 1 s between them
        assertTrue(millis >= 4_000, millis + " ms");
        assertNothingWritten(event);
        System.out.printf("Slow body: 3 attempts cut at 1 s each, event failed after %d ms%n", millis);
    }

    @Test
    void shouldTreatAPortThatSpeaksNoHttpLikeAnUnavailableFile() throws Exception {
        useAttachments(2, "fail");
        try (NotHttpServer garbage = NotHttpServer.garbage(); NotHttpServer silent = NotHttpServer.silent()) {
            List<String> ids = new ArrayList<>();
            List<ObjectNode> posted = new ArrayList<>();
            for (NotHttpServer server : List.of(garbage, silent)) {
                ObjectNode event = withAttachment("report.pdf", server.url());
                posted.add(event);
                ids.add(post("conversation-closed", event));
            }
            awaitFinished(ids);
            for (int i = 0; i < 2; i++) {
                StoredEvent stored = engine.store().find(ids.get(i)).orElseThrow();
                String url = posted.get(i).path("messages").path(2).path("attachments").path(0).path("url").asText();
                assertEquals(EventStatus.FAILED, stored.status(), stored.toString());
                assertTrue(stored.error().message().startsWith("attachment 'report.pdf' of message wamid.003: "
                        + "could not be downloaded from " + url + " in 2 attempts: "), stored.error().message());
                assertNothingWritten(posted.get(i));
            }
            assertTrue(engine.store().find(ids.get(1)).orElseThrow().error().message()
                    .endsWith("not complete within 1 s"), "the silent port is cut off at the timeout");
            assertEquals(2, garbage.connections());
            assertEquals(2, silent.connections());
        }
    }

    /** Issue: eight conversations whose files trickle in held all eight workers for 30 s a try, forever. */
    @Test
    void shouldFinishOtherEventsWhileSlowDownloadsRunThenLinkTheSlowFilesWithAWarning() throws Exception {
        useAttachments(2, "link");
        List<String> slowUrls = new ArrayList<>();
        List<PostedEvent> slowEvents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String url = files.url("/slow/receipt-" + i + ".pdf");
            slowUrls.add(url);
            slowEvents.add(new PostedEvent("conversation-closed", withAttachment("receipt-" + i + ".pdf", url)));
        }
        List<PostedEvent> normalEvents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            normalEvents.add(new PostedEvent("conversation-closed", withoutAttachments()));
            ObjectNode call = (ObjectNode) JSON.readTree(Files.readString(CALL));
            call.put("callId", "slow-downloads-" + NUMBERS.incrementAndGet());
            normalEvents.add(new PostedEvent("call", call));
        }
        List<PostedEvent> all = new ArrayList<>(slowEvents);
        all.addAll(normalEvents);
        // the connection's first login and lookups would otherwise weigh on the normal events' times
        assertEquals("done", events.process(withoutAttachments()).path("status").asText());
        Instant start = Instant.now();
        List<String> ids = postTogether(all);
        Instant posted = Instant.now();
        List<String> slow = ids.subList(0, 8);
        List<String> normal = ids.subList(8, ids.size());

        List<StoredEvent> slowWhenNormalDone = awaitFinishedThenRead(normal, slow);
        for (StoredEvent event : slowWhenNormalDone) {
            assertEquals(EventStatus.PENDING, event.status(), "still downloading when the others were done: " + event);
        }
        List<StoredEvent> normalDone = awaitFinished(normal);
        normalDone.forEach(event -> assertEquals(EventStatus.DONE, event.status(), event.toString()));
        List<StoredEvent> slowDone = awaitFinished(slow);
        Instant lastNormal = normalDone.stream().map(StoredEvent::updatedAt).max(Instant::compareTo).orElseThrow();
        Instant firstSlow = slowDone.stream().map(StoredEvent::updatedAt).min(Instant::compareTo).orElseThrow();
        Instant lastSlow = slowDone.stream().map(StoredEvent::updatedAt).max(Instant::compareTo).orElseThrow();
        assertTrue(lastNormal.isBefore(firstSlow), "normal events done by " + lastNormal + ", first slow one at " + firstSlow);

        for (int i = 0; i < 8; i++) {
            StoredEvent event = slowDone.get(i);
            assertEquals(EventStatus.DONE, event.status(), event.toString());
            assertEquals(1, event.attempts(), event.toString());
            assertEquals(List.of("attachment 'receipt-" + i + ".pdf' of message wamid.003: could not be downloaded from "
                    + slowUrls.get(i) + " in 2 attempts: not complete within 1 s"), event.warnings());
            assertEquals(2, files.requests("/slow/receipt-" + i + ".pdf"));
        }
        assertEquals(List.of(), emulator.admin().records("ContentVersion"));
        System.out.printf("Starvation: 28 events posted at once in %d ms; the 20 normal ones (10 conversations, 10 calls) "
                        + "all done %d ms after the first post; the 8 slow conversations ended %d to %d ms after it, "
                        + "linked after 2 attempts cut at 1 s%n", Duration.between(start, posted).toMillis(),
                Duration.between(start, lastNormal).toMillis(), Duration.between(start, firstSlow).toMillis(),
                Duration.between(start, lastSlow).toMillis());
    }

    /** attachments.allowedHosts lists the file servers' address; timeoutSeconds is 1. */
    private static void useAttachments(int maxAttempts, String whenUnavailable) throws IOException {
        events.editMapping(mapping, shipped.replace("allowedHosts: []", "allowedHosts: [127.0.0.1]")
                .replace("timeoutSeconds: 30", "timeoutSeconds: 1")
                .replace("maxAttempts: 3", "maxAttempts: " + maxAttempts)
                .replace("whenUnavailable: fail", "whenUnavailable: " + whenUnavailable));
    }

    private static ObjectNode withAttachment(String fileName, String url) throws IOException {
        return ConversationEvents.withUrlAttachment(fileName, "application/pdf", url);
    }

    private record PostedEvent(String type, JsonNode event) {
    }

    /** Posts every event at once, each on a connection of its own; answers their ids in the same order. */
    private static List<String> postTogether(List<PostedEvent> events) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (PostedEvent posted : events) {
            answers.add(client.sendAsync(engine.request("/events/" + posted.type())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(posted.event().toString())).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> accepted = answer.get();
            assertEquals(202, accepted.statusCode(), accepted.body());
            ids.add(JSON.readTree(accepted.body()).path("eventId").asText());
        }
        return ids;
    }

    private static ObjectNode withoutAttachments() throws IOException {
        ObjectNode conversation = ConversationEvents.example();
        ((ObjectNode) conversation.path("messages").path(2)).remove("attachments");
        return conversation;
    }

    private static String post(String type, JsonNode event) throws Exception {
        HttpResponse<String> accepted = engine.postEvent(type, event.toString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        return JSON.readTree(accepted.body()).path("eventId").asText();
    }

    private static List<StoredEvent> awaitFinished(List<String> ids) throws InterruptedException {
        return awaitFinishedThenRead(ids, ids);
    }

    /** Waits until every event of {@code awaited} has finished, then reads {@code read} at once. */
    private static List<StoredEvent> awaitFinishedThenRead(List<String> awaited, List<String> read)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (awaited.stream().allMatch(id -> FINISHED.contains(engine.store().find(id).orElseThrow().status()))) {
                return read.stream().map(id -> engine.store().find(id).orElseThrow()).toList();
            }
            Thread.sleep(20);
        }
        return fail("events did not finish within " + PATIENCE + ": "
                + awaited.stream().map(id -> engine.store().find(id).orElseThrow()).toList());
    }

    private static void assertNothingWritten(ObjectNode event) {
        String phone = event.path("customer").path("phone").asText();
        assertEquals(List.of(), events.records("Case", "Subject", phone + " [" + event.path("conversationId").asText() + "]"));
        assertEquals(List.of(), events.records("Contact", "Phone", phone), "not even the Contact");
        assertEquals(List.of(), emulator.admin().records("ContentVersion"));
    }
}
