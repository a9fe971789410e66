package io.switchboard.behaviours.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.Eventually;
import io.switchboard.engine.RunningEngine;
import io.switchboard.store.EventStatus;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which attachment URLs the engine downloads from, over real HTTP: the engine's own metrics, a local file server on
 * 127.0.0.1 and another on 127.0.0.2 (both loopback), reached by address, by the name localhost and through
 * redirects, with {@code attachments.allowedHosts} set per test in the engine's copy of the config (and loaded at
 * once, as the file watcher would). Each refused event is from a new customer, so "nothing written" includes the
 * Contact a later step would have created.
 */
class ConversationClosedAttachmentHostsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] INVOICE = "%PDF-1.4 a small invoice".getBytes(StandardCharsets.US_ASCII);
    private static SalesforceEmulator emulator;
    private static RunningEngine engine;
    private static ConversationEvents events;
    private static FileServer files;
    private static FileServer otherLoopback;
    private static Path mapping;
    private static String shipped;

    @BeforeAll
    static void start() throws Exception {
        otherLoopback = FileServer.start("127.0.0.2");
        otherLoopback.serveFile("/files/invoice.pdf", INVOICE);
        files = FileServer.start("127.0.0.1");
        files.serveFile("/files/invoice.pdf", INVOICE);
        files.serveRedirect("/to-other-loopback", otherLoopback.url("/files/invoice.pdf"));
        files.serveRedirect("/to-passwd", "file:///etc/passwd");
        Path home = RunningEngine.copyProject(Files.createTempDirectory("switchboard-attachment-hosts"));
        mapping = home.resolve("config/conversation-closed.yaml");
        shipped = Files.readString(mapping);
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        engine = RunningEngine.startIn(emulator, home, Map.of("SF_CUSTOMER_COMMENT_USERNAME",
                SeededOrg.CUSTOMER_COMMENT_EMAIL, "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "50"));
        events = new ConversationEvents(engine, emulator);
    }

    @AfterAll
    static void stop() {
        engine.close();
        emulator.close();
        files.close();
        otherLoopback.close();
    }

    @BeforeEach
    void reset() {
        emulator.admin().reset();
        files.forgetRequests();
        otherLoopback.forgetRequests();
    }

    @Test
    void shouldNeverUploadTheEnginesOwnMetricsWhenOnlyNamesAreAllowed() throws Exception {
        String metrics = "http://127.0.0.1:" + engine.engine().settings().port() + "/observe/metrics";
        for (String allowed : List.of("[localhost]", "[files.witiop.com, \"*.witiop.com\"]")) {
            allowAttachmentsFrom(allowed, "fail");
            ObjectNode event = withAttachment("metrics.txt", metrics);
            JsonNode status = events.process(event);

            assertEquals("failed", status.path("status").asText(), allowed + ": " + status);
            assertEquals("attachment 'metrics.txt' of message wamid.003: attachment host not allowed",
                    status.path("error").path("message").asText(), allowed);
            assertNothingWritten(event);

            allowAttachmentsFrom(allowed, "link");
            ObjectNode linked = withAttachment("metrics.txt", metrics);
            JsonNode linkedStatus = events.process(linked);
            assertEquals("done", linkedStatus.path("status").asText(), allowed + ": " + linkedStatus);
            assertEquals(List.of("attachment 'metrics.txt' of message wamid.003: attachment host not allowed"),
                    ConversationEvents.texts(linkedStatus.path("warnings")), allowed);
            assertEquals("Here it is.\nAttachment: metrics.txt " + metrics, comments(linked).get(2));
            assertEquals(List.of(), emulator.admin().records("ContentVersion"));
        }
    }

    @Test
    void shouldDownloadFromLoopbackOnlyOnceItsAddressIsListed() throws Exception {
        allowAttachmentsFrom("[127.0.0.1]", "fail");
        JsonNode status = events.process(withAttachment("invoice.pdf", files.url("/files/invoice.pdf")));

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(1, status.path("attempts").asInt(), "the runs that waited for the download count no attempt");
        assertEquals(1, files.requests("/files/invoice.pdf"));
        assertEquals(List.of(Base64.getEncoder().encodeToString(INVOICE)), versionData());

        // which is why loopback is never opened by a name: listed by address, even the metrics are reachable
        String metrics = "http://127.0.0.1:" + engine.engine().settings().port() + "/observe/metrics";
        assertEquals("done", events.process(withAttachment("metrics.txt", metrics)).path("status").asText());
        assertTrue(new String(Base64.getDecoder().decode(versionData().get(1)), StandardCharsets.UTF_8)
                .contains("switchboard_events"));
    }

    @Test
    void shouldRefuseARedirectFromAnAllowedHostToALoopbackAddressOrSchemeNotAllowed() throws Exception {
        allowAttachmentsFrom("[127.0.0.1]", "fail");
        for (String path : List.of("/to-other-loopback", "/to-passwd")) {
            ObjectNode event = withAttachment("invoice.pdf", files.url(path));
            JsonNode status = events.process(event);

            assertEquals("failed", status.path("status").asText(), path + ": " + status);
            assertEquals("attachment 'invoice.pdf' of message wamid.003: attachment host not allowed",
                    status.path("error").path("message").asText(), path);
            assertEquals(1, files.requests(path));
            assertNothingWritten(event);
        }
        assertEquals(0, otherLoopback.requests(), "the redirect's target was never requested");
    }

    @Test
    void shouldRefuseTheNameLocalhostUnlessItsAddressesAreListed() throws Exception {
        String byName = "http://localhost:" + files.port() + "/files/invoice.pdf";
        allowAttachmentsFrom("[localhost]", "fail");
        ObjectNode event = withAttachment("invoice.pdf", byName);
        JsonNode status = events.process(event);
        assertEquals("failed", status.path("status").asText(), status.toString());
        assertEquals("attachment 'invoice.pdf' of message wamid.003: attachment host not allowed",
                status.path("error").path("message").asText());
        assertNothingWritten(event);
        assertEquals(0, files.requests());

        // localhost may also resolve to ::1 on other machines; every address it resolves to must be listed
        allowAttachmentsFrom("[localhost, 127.0.0.1, \"::1\"]", "fail");
        assertEquals("done", events.process(withAttachment("invoice.pdf", byName)).path("status").asText());
        assertEquals(1, files.requests("/files/invoice.pdf"));
    }

    @Test
    void shouldLinkAFileSentAsAUrlWithoutEverRequestingItWhileNoHostIsAllowed() throws Exception {
        allowAttachmentsFrom("[]", "fail");
        String url = files.url("/files/invoice.pdf");
        ObjectNode event = withAttachment("invoice.pdf", url);
        JsonNode status = events.process(event);

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(List.of("attachment 'invoice.pdf' of message wamid.003: downloads are off until "
                + "attachments.allowedHosts lists the host; the comment links to the file"),
                ConversationEvents.texts(status.path("warnings")));
        assertEquals("Here it is.\nAttachment: invoice.pdf " + url, comments(event).get(2));
        assertEquals(List.of(), emulator.admin().records("ContentVersion"));
        assertEquals(0, files.requests());

        JsonNode inline = events.process(ConversationEvents.example());
        assertEquals("done", inline.path("status").asText(), inline.toString());
        assertEquals(1, emulator.admin().records("ContentVersion").size(), "inline content is uploaded as before");
        assertEquals(0, inline.path("warnings").size(), inline.toString());
    }

    @Test
    void shouldRefuseOtherSchemesAtIntakeAndUserInfoInTheStep() throws Exception {
        allowAttachmentsFrom("[127.0.0.1]", "fail");
        for (String url : List.of("file:///etc/passwd", "ftp://127.0.0.1:" + files.port() + "/files/invoice.pdf")) {
            HttpResponse<String> refused = engine.postEvent("conversation-closed", withAttachment("x", url).toString());
            assertEquals(400, refused.statusCode(), refused.body());
            JsonNode problem = JSON.readTree(refused.body()).path("problems").path(0);
            assertEquals("messages[2].attachments[0].url", problem.path("field").asText(), refused.body());
            assertEquals("must be an http or https URL", problem.path("message").asText(), refused.body());
        }

        String withPassword = "http://user:hunter2@127.0.0.1:" + files.port() + "/files/invoice.pdf";
        ObjectNode event = withAttachment("invoice.pdf", withPassword);
        JsonNode status = events.process(event);
        assertEquals("failed", status.path("status").asText(), status.toString());
        assertEquals("attachment 'invoice.pdf' of message wamid.003: attachment host not allowed",
                status.path("error").path("message").asText());
        assertFalse(status.toString().contains("hunter2"), status.toString());
        assertNothingWritten(event);
        assertEquals(0, files.requests());
    }

    @Test
    void shouldDownloadAfreshWhenAnEventFailedForItsFileIsReplayed() throws Exception {
        allowAttachmentsFrom("[localhost]", "fail");
        ObjectNode event = withAttachment("invoice.pdf", files.url("/files/invoice.pdf"));
        JsonNode failed = events.process(event);
        assertEquals("failed", failed.path("status").asText(), failed.toString());

        allowAttachmentsFrom("[127.0.0.1]", "fail");
        String eventId = failed.path("eventId").asText();
        assertEquals(202, engine.send(engine.request("/events/" + eventId + "/replay")
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        Eventually.reaches(engine.store(), eventId, EventStatus.DONE);
        assertEquals(1, files.requests("/files/invoice.pdf"));
        assertEquals(List.of(Base64.getEncoder().encodeToString(INVOICE)), versionData());
    }

    /** Sets attachments.allowedHosts and whenUnavailable in the engine's copy and loads it now. */
    private static void allowAttachmentsFrom(String allowedHosts, String whenUnavailable) throws IOException {
        events.editMapping(mapping, shipped.replace("allowedHosts: []", "allowedHosts: " + allowedHosts)
                .replace("whenUnavailable: fail", "whenUnavailable: " + whenUnavailable));
    }

    private static ObjectNode withAttachment(String fileName, String url) throws IOException {
        return ConversationEvents.withUrlAttachment(fileName, "application/octet-stream", url);
    }

    private static void assertNothingWritten(ObjectNode event) {
        String phone = event.path("customer").path("phone").asText();
        assertEquals(List.of(), events.records("Case", "Subject", phone + " [" + event.path("conversationId").asText() + "]"));
        assertEquals(List.of(), events.records("Contact", "Phone", phone), "not even the Contact");
        assertEquals(List.of(), emulator.admin().records("ContentVersion"));
    }

    private static List<String> comments(ObjectNode event) {
        Map<String, Object> theCase = events.onlyCase(event.path("customer").path("phone").asText() + " ["
                + event.path("conversationId").asText() + "]");
        return events.comments(theCase).stream().map(comment -> String.valueOf(comment.get("CommentBody"))).toList();
    }

    private static List<String> versionData() {
        return emulator.admin().records("ContentVersion").stream()
                .map(version -> String.valueOf(version.get("VersionData"))).toList();
    }
}
