package io.switchboard.behaviours.conversation;

import static io.switchboard.behaviours.conversation.ConversationEvents.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.RunningEngine;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/conversation-closed.camel.yaml with the shipped config, but for attachments.allowedHosts listing the local
 * file server's address: events posted over HTTP to a running engine, the worker feeding the route, and the Case,
 * comments and files checked in the emulator.
 */
class ConversationClosedRouteTest {
    private static final byte[] INVOICE = "%PDF-1.4 a small invoice".getBytes(StandardCharsets.US_ASCII);
    private static SalesforceEmulator emulator;
    private static RunningEngine engine;
    private static HttpServer fileServer;
    private static ConversationEvents events;

    @BeforeAll
    static void start() throws Exception {
        Path home = RunningEngine.copyProject(Files.createTempDirectory("switchboard-conversation"));
        Path mapping = home.resolve("config/conversation-closed.yaml");
        Files.writeString(mapping, Files.readString(mapping).replace("allowedHosts: []", "allowedHosts: [127.0.0.1]"));
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        engine = RunningEngine.startIn(emulator, home,
                Map.of("SF_CUSTOMER_COMMENT_USERNAME", SeededOrg.CUSTOMER_COMMENT_EMAIL,
                        "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "20", "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "50"));
        events = new ConversationEvents(engine, emulator);
        fileServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fileServer.createContext("/files/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/files/invoice.pdf");
            exchange.sendResponseHeaders(known ? 200 : 404, known ? INVOICE.length : -1);
            exchange.getResponseBody().write(known ? INVOICE : new byte[0]);
            exchange.close();
        });
        fileServer.start();
    }

    @AfterAll
    static void stop() {
        fileServer.stop(0);
        engine.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.admin().reset();
    }

    @Test
    void shouldWriteTheContractExampleAsACaseWithAuditedCommentsAndItsFile() throws Exception {
        JsonNode status = events.process(ConversationEvents.contractExample());
        assertEquals("done", status.path("status").asText(), status.toString());

        Map<String, Object> theCase = events.onlyCase("+393331234567 [1793]");
        assertEquals(SeededOrg.MARIA_CONTI_ID, theCase.get("ContactId"));
        assertEquals("WhatsApp", theCase.get("Origin"));
        assertEquals("New", theCase.get("Status"));
        assertEquals(SeededOrg.AGENT_USER_ID, theCase.get("OwnerId"));

        List<Map<String, Object>> comments = events.comments(theCase);
        assertEquals(List.of("Hello, my order has not arrived yet.",
                "Hi Maria, could you send me a photo of the receipt?",
                "Here it is.\nAttachment: receipt.png",
                "Thanks, a replacement is on its way."), values(comments, "CommentBody"));
        assertEquals(List.of("2026-11-20T10:01:07.000+0000", "2026-11-20T10:02:41.000+0000",
                "2026-11-20T10:04:12.000+0000", "2026-11-20T10:14:55.000+0000"), values(comments, "CreatedDate"));
        assertEquals(List.of(SeededOrg.CUSTOMER_COMMENT_USER_ID, SeededOrg.AGENT_USER_ID,
                SeededOrg.CUSTOMER_COMMENT_USER_ID, SeededOrg.AGENT_USER_ID), values(comments, "CreatedById"));

        List<Map<String, Object>> versions = emulator.admin().records("ContentVersion");
        assertEquals(1, versions.size(), versions.toString());
        Map<String, Object> receipt = versions.get(0);
        assertEquals("receipt.png", receipt.get("Title"));
        assertEquals("receipt.png", receipt.get("PathOnClient"));
        assertEquals(theCase.get("Id"), receipt.get("FirstPublishLocationId"));
        assertEquals(1, events.records("ContentDocumentLink", "LinkedEntityId", theCase.get("Id")).stream()
                .filter(link -> receipt.get("ContentDocumentId").equals(link.get("ContentDocumentId"))).count());

        assertEquals(List.of("Case created", "CaseComment created", "CaseComment created", "CaseComment created",
                "CaseComment created", "ContentVersion created", "ContentDocument linked"), records(status));
        assertEquals(theCase.get("Id"), status.path("records").path(0).path("id").asText());
        assertEquals(receipt.get("ContentDocumentId"), status.path("records").path(6).path("id").asText());
        assertEquals(0, status.path("warnings").size(), status.toString());
    }

    @Test
    void shouldWriteTheCaseCommentsAndFilesInOneCompositeRequest() throws Exception {
        emulator.admin().clearRequests();
        events.processToCase(example());
        assertEquals(1L, emulator.admin().requests().stream()
                .filter(request -> request.path().endsWith("/composite")).count());
    }

    @Test
    void shouldCreateAContactWithTheNameSplitAtTheLastSpaceWhenThePhoneIsUnknown() throws Exception {
        ObjectNode event = example();
        event.putObject("customer").put("phone", "+447700900123").put("name", "Anna Maria Rossi");
        Map<String, Object> theCase = events.processToCase(event);

        List<Map<String, Object>> contacts = events.records("Contact", "Phone", "+447700900123");
        assertEquals(1, contacts.size(), contacts.toString());
        assertEquals("Anna Maria", contacts.get(0).get("FirstName"));
        assertEquals("Rossi", contacts.get(0).get("LastName"));
        assertEquals(contacts.get(0).get("Id"), theCase.get("ContactId"));
    }

    // issue 9: a 300-character name was accepted, then failed STRING_TOO_LONG on FirstName/LastName for good
    @Test
    void shouldCutALongCustomerNameToTheContactsFieldsWithWarnings() throws Exception {
        String first = "A".repeat(150);
        String last = "B".repeat(149);
        ObjectNode event = example();
        event.putObject("customer").put("phone", "+447700900789").put("name", first + " " + last);
        JsonNode status = events.process(event);

        assertEquals("done", status.path("status").asText(), status.toString());
        List<Map<String, Object>> contacts = events.records("Contact", "Phone", "+447700900789");
        assertEquals(1, contacts.size(), contacts.toString());
        assertEquals("A".repeat(40), contacts.get(0).get("FirstName"));
        assertEquals("B".repeat(80), contacts.get(0).get("LastName"));
        assertEquals(List.of("Contact.FirstName was cut to 40 characters, the field's length (the value had 150)",
                "Contact.LastName was cut to 80 characters, the field's length (the value had 149)"),
                ConversationEvents.texts(status.path("warnings")));
    }

    @Test
    void shouldCreateAContactNamedByTheNumberWhenTheCustomerHasNoName() throws Exception {
        ObjectNode event = example();
        event.putObject("customer").put("phone", "+447700900456");
        JsonNode status = events.process(event);

        List<Map<String, Object>> contacts = events.records("Contact", "Phone", "+447700900456");
        assertEquals(1, contacts.size(), contacts.toString());
        assertEquals("+447700900456", contacts.get(0).get("LastName"));
        assertEquals(null, contacts.get(0).get("FirstName"));
        assertEquals("Contact created", records(status).get(0));
        assertEquals(contacts.get(0).get("Id"), status.path("records").path(0).path("id").asText());
    }

    @Test
    void shouldTakeTheMostRecentlyModifiedOfSeveralMatchingContactsWithAWarning() throws Exception {
        // a number of its own: the engine remembers the numbers it found recently, such as the seeded customer's
        String older = emulator.admin().insertRecord("Contact", Map.of("FirstName", "Anna", "LastName", "Neri",
                "Phone", "+39 347 765 4321", "LastModifiedDate", "2029-01-01T00:00:00.000+0000"));
        String newer = emulator.admin().insertRecord("Contact", Map.of("FirstName", "Anna", "LastName", "Neri-Bruno",
                "MobilePhone", "0039 347 7654321", "LastModifiedDate", "2030-01-01T00:00:00.000+0000"));
        ObjectNode event = example();
        event.putObject("customer").put("phone", "+393477654321").put("name", "Anna N.");
        JsonNode status = events.process(event);

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(newer, events.onlyCase("+393477654321 [" + event.path("conversationId").asText() + "]")
                .get("ContactId"));
        List<String> warnings = ConversationEvents.texts(status.path("warnings"));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(newer) && warnings.get(0).contains(older), warnings.get(0));
    }

    @Test
    void shouldSplitALongMessageOverCommentsOfAtMostFourThousandBytes() throws Exception {
        String text = longText(9000);
        ObjectNode event = example();
        ArrayNode messages = event.putArray("messages");
        messages.addObject().put("id", "long.1").put("direction", "inbound").put("sentAt", "2026-11-20T10:01:07Z")
                .put("text", text);
        Map<String, Object> theCase = events.processToCase(event);

        List<String> bodies = values(events.comments(theCase), "CommentBody");
        assertEquals(3, bodies.size());
        assertEquals(text, String.join("", bodies));
        bodies.forEach(body -> assertTrue(body.getBytes(StandardCharsets.UTF_8).length <= 4000,
                body.getBytes(StandardCharsets.UTF_8).length + " bytes"));
    }

    @Test
    void shouldWriteTwoHundredAndFiftyCommentsInOrderInOneCompositeRequest() throws Exception {
        ObjectNode event = example();
        ArrayNode messages = event.putArray("messages");
        for (int i = 1; i <= 250; i++) {
            messages.addObject().put("id", "m" + i).put("direction", i % 2 == 0 ? "outbound" : "inbound")
                    .put("sentAt", Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i).toString())
                    .put("text", "message " + i);
        }
        emulator.admin().clearRequests();
        Map<String, Object> theCase = events.processToCase(event);

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            expected.add("message " + i);
        }
        assertEquals(expected, values(events.comments(theCase), "CommentBody"));
        assertEquals(1L, emulator.admin().requests().stream()
                .filter(request -> request.path().endsWith("/composite")).count());
    }

    @Test
    void shouldFailNamingThePermissionAndWriteNothingWhenTheOrgRefusesAuditFields() throws Exception {
        emulator.admin().auditPermission(SeededOrg.USERNAME, false);
        int casesBefore = emulator.admin().records("Case").size();
        // the first event may meet a describe cached while the permission was still granted, the second cannot
        for (int attempt = 1; attempt <= 2; attempt++) {
            JsonNode status = events.process(example());
            assertEquals("failed", status.path("status").asText(), status.toString());
            assertEquals("AUDIT_FIELDS_NOT_PERMITTED", status.path("error").path("code").asText());
            assertTrue(status.path("error").path("message").asText()
                    .contains("\"Set Audit Fields upon Record Creation\""), status.toString());
        }
        assertEquals(casesBefore, emulator.admin().records("Case").size());
        assertEquals(0, emulator.admin().records("CaseComment").size());
        assertEquals(0, emulator.admin().records("ContentVersion").size());
    }

    @Test
    void shouldRetryAfterSalesforceWasUnavailableAndWriteTheCaseOnce() throws Exception {
        emulator.admin().addFault(FaultRule.times(FaultKind.SERVER_UNAVAILABLE, 1).on("POST", "/composite"));
        ObjectNode event = example();
        JsonNode status = events.process(event);

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(1, status.path("attempts").asInt(), "the write was retried within the route: " + status);
        Map<String, Object> theCase = events.onlyCase("+393331234567 [" + event.path("conversationId").asText() + "]");
        assertEquals(4, events.comments(theCase).size());
    }

    @Test
    void shouldDeleteTheCaseWhenALaterRequestIsRefusedForGood() throws Exception {
        ObjectNode event = example();
        ArrayNode messages = event.putArray("messages");
        for (int i = 1; i <= 30; i++) {
            messages.addObject().put("id", "m" + i).put("direction", "inbound")
                    .put("sentAt", Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i).toString())
                    .put("text", "file " + i).putArray("attachments").addObject()
                    .put("fileName", "photo" + i + ".png").put("contentType", "image/png")
                    .put("dataBase64", Base64.getEncoder().encodeToString(("photo " + i).getBytes(StandardCharsets.US_ASCII)));
        }
        // 30 files do not fit in one composite request: the Case goes in the first, the second is refused
        emulator.admin().addFault(FaultRule.times(FaultKind.STORAGE_LIMIT_EXCEEDED, 1).on("POST", "/composite")
                .afterSkipping(1));
        emulator.admin().clearRequests();
        JsonNode status = events.process(event);

        assertEquals("failed", status.path("status").asText(), status.toString());
        assertEquals("STORAGE_LIMIT_EXCEEDED", status.path("error").path("code").asText(), status.toString());
        assertEquals(2L, emulator.admin().requests().stream()
                .filter(request -> request.path().endsWith("/composite")).count());
        assertEquals(1L, emulator.admin().requests().stream()
                .filter(request -> "DELETE".equals(request.method()) && request.path().contains("/sobjects/Case/"))
                .count(), "the Case written by the first request is deleted");
        assertEquals(0, events.records("Case", "Subject",
                "+393331234567 [" + event.path("conversationId").asText() + "]").size());
    }

    @Test
    void shouldOwnTheCaseAsTheIntegrationUserWithAWarningWhenTheAgentIsUnknown() throws Exception {
        ObjectNode event = example();
        event.putObject("agent").put("email", "nobody@example.com").put("name", "Nobody");
        JsonNode status = events.process(event);

        Map<String, Object> theCase = events.onlyCase("+393331234567 [" + event.path("conversationId").asText() + "]");
        assertEquals(SeededOrg.INTEGRATION_USER_ID, theCase.get("OwnerId"));
        assertEquals("done", status.path("status").asText());
        List<String> warnings = ConversationEvents.texts(status.path("warnings"));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("nobody@example.com"), warnings.get(0));
        assertTrue(warnings.get(0).contains(SeededOrg.INTEGRATION_USER_ID), warnings.get(0));
    }

    @Test
    void shouldUploadAnAttachmentDownloadedFromItsUrl() throws Exception {
        ObjectNode event = example();
        attachmentOnlyByUrl(event, "invoice.pdf");
        Map<String, Object> theCase = events.processToCase(event);

        List<Map<String, Object>> versions = events.records("ContentVersion", "FirstPublishLocationId", theCase.get("Id"));
        assertEquals(1, versions.size(), versions.toString());
        assertEquals("invoice.pdf", versions.get(0).get("Title"));
        assertEquals(Base64.getEncoder().encodeToString(INVOICE), versions.get(0).get("VersionData"));
    }

    @Test
    void shouldFailNamingTheFileAndWriteNothingWhenAnAttachmentCannotBeDownloaded() throws Exception {
        ObjectNode event = example();
        String url = attachmentOnlyByUrl(event, "missing.pdf");
        JsonNode status = events.process(event);

        assertEquals("failed", status.path("status").asText(), status.toString());
        String message = status.path("error").path("message").asText();
        assertTrue(message.contains("'missing.pdf'") && message.contains(url) && message.contains("HTTP 404"), message);
        assertEquals(0, events.records("Case", "Subject",
                "+393331234567 [" + event.path("conversationId").asText() + "]").size());
    }

    /** Replaces the example's attachment with one that has only a URL on the local file server. */
    private static String attachmentOnlyByUrl(ObjectNode event, String fileName) {
        String url = "http://127.0.0.1:" + fileServer.getAddress().getPort() + "/files/" + fileName;
        ObjectNode message = (ObjectNode) event.path("messages").path(2);
        message.putArray("attachments").addObject().put("fileName", fileName).put("contentType", "application/pdf")
                .put("url", url);
        return url;
    }

    /** Text of the given UTF-8 size mixing one-, two-, three- and four-byte characters and spaces. */
    private static String longText(int bytes) {
        String pattern = "Grüße für € und 🙂 ok ";
        StringBuilder text = new StringBuilder();
        while (text.toString().getBytes(StandardCharsets.UTF_8).length + pattern.getBytes(StandardCharsets.UTF_8).length <= bytes) {
            text.append(pattern);
        }
        while (text.toString().getBytes(StandardCharsets.UTF_8).length < bytes) {
            text.append('x');
        }
        return text.toString();
    }

    private static List<String> values(List<Map<String, Object>> records, String field) {
        return records.stream().map(record -> String.valueOf(record.get(field))).toList();
    }

    private static List<String> records(JsonNode status) {
        List<String> records = new ArrayList<>();
        status.path("records").forEach(record -> records.add(record.path("sobject").asText() + " "
                + record.path("action").asText()));
        return records;
    }
}
