package io.switchboard.behaviours.conversation;

import static io.switchboard.behaviours.conversation.ConversationEvents.example;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.RunningEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conversation-closed route with the other settings of {@code config/conversation-closed.yaml}: audit fields
 * off and attachments as links, on a copy of the shipped config and routes.
 */
class ConversationClosedOptionsTest {
    private static SalesforceEmulator emulator;
    private static RunningEngine engine;
    private static ConversationEvents events;

    @BeforeAll
    static void start() throws Exception {
        Path config = RunningEngine.projectCopy();
        Path mapping = config.resolve("conversation-closed.yaml");
        Files.writeString(mapping, Files.readString(mapping)
                .replace("auditFields: on", "auditFields: off")
                .replace("mode: upload", "mode: link"));
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        engine = RunningEngine.start(emulator, config, config.resolveSibling("data"),
                Map.of("SF_CUSTOMER_COMMENT_USERNAME", SeededOrg.CUSTOMER_COMMENT_EMAIL));
        events = new ConversationEvents(engine, emulator);
    }

    @AfterAll
    static void stop() {
        engine.close();
        emulator.close();
    }

    @Test
    void shouldStartEachCommentWithItsTimeAndAuthorWhenAuditFieldsAreOff() throws Exception {
        Map<String, Object> theCase = events.processToCase(example());

        List<Map<String, Object>> comments = events.comments(theCase);
        assertEquals(List.of(
                "[2026-11-20 10:01:07 UTC] Maria C.: Hello, my order has not arrived yet.",
                "[2026-11-20 10:02:41 UTC] agent.demo: Hi Maria, could you send me a photo of the receipt?",
                "[2026-11-20 10:04:12 UTC] Maria C.: Here it is.\nAttachment: receipt.png https://witiop.example.com/files/8f2c",
                "[2026-11-20 10:14:55 UTC] agent.demo: Thanks, a replacement is on its way."),
                comments.stream().map(comment -> comment.get("CommentBody")).toList());
        comments.forEach(comment -> assertEquals(SeededOrg.INTEGRATION_USER_ID, comment.get("CreatedById")));
    }

    @Test
    void shouldPutAttachmentLinksInTheCommentAndUploadNothingInLinkMode() throws Exception {
        ObjectNode event = example();
        JsonNode status = events.process(event);
        Map<String, Object> theCase = events.onlyCase("+393331234567 [" + event.path("conversationId").asText() + "]");

        assertEquals("done", status.path("status").asText(), status.toString());
        assertEquals(List.of(), events.records("ContentVersion", "FirstPublishLocationId", theCase.get("Id")));
        assertEquals("[2026-11-20 10:04:12 UTC] Maria C.: Here it is.\nAttachment: receipt.png "
                + "https://witiop.example.com/files/8f2c", events.comments(theCase).get(2).get("CommentBody"));
    }
}
