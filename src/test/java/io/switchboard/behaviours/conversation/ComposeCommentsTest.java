package io.switchboard.behaviours.conversation;

import static io.switchboard.behaviours.steps.StepExchanges.editedMappings;
import static io.switchboard.behaviours.steps.StepExchanges.event;
import static io.switchboard.behaviours.steps.StepExchanges.exchangeFor;
import static io.switchboard.behaviours.steps.StepExchanges.outcome;
import static io.switchboard.behaviours.steps.StepExchanges.shippedMappings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.EventType;
import io.switchboard.mapping.ConversationClosedMapping;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation route's comments step on a bare exchange: one CaseComment per message, its author and time. */
class ComposeCommentsTest {
    private static final ConversationClosedMapping SHIPPED = shippedMappings().conversationClosed();
    private static final ConversationUsers USERS = new ConversationUsers("005AGENT00000001", "005CUSTOMER000001");
    private static final String RECEIPT = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    private static final ConversationFiles RECEIPT_UPLOADED =
            new ConversationFiles(List.of(new LoadedFile("receipt.png", RECEIPT)), Set.of());
    private static final ConversationFiles RECEIPT_LINKED =
            new ConversationFiles(List.of(), Set.of(new ConversationFiles.Position(2, 0)));

    @TempDir
    Path config;

    private static List<CommentDraft> composed(ConversationClosedMapping mapping, Exchange exchange) {
        new ComposeComments(() -> mapping).process(exchange);
        return exchange.getProperty(CaseComments.PROPERTY, CaseComments.class).comments();
    }

    private static Exchange conversation(ConversationFiles files, Consumer<ObjectNode> edit) {
        Exchange exchange = exchangeFor(event(EventType.CONVERSATION_CLOSED, "conversation-closed", edit));
        exchange.setProperty(ConversationUsers.PROPERTY, USERS);
        exchange.setProperty(ConversationFiles.PROPERTY, files);
        return exchange;
    }

    private static ObjectNode message(ObjectNode event, int index) {
        return (ObjectNode) event.withArray("messages").get(index);
    }

    @Test
    void shouldWriteEachMessageAsACommentByItsAuthorAtItsTime() {
        Exchange exchange = conversation(RECEIPT_UPLOADED, json -> { });
        assertEquals(List.of(
                new CommentDraft("Hello, my order has not arrived yet.", Instant.parse("2026-11-20T10:01:07Z"),
                        "005CUSTOMER000001"),
                new CommentDraft("Hi Maria, could you send me a photo of the receipt?",
                        Instant.parse("2026-11-20T10:02:41Z"), "005AGENT00000001"),
                new CommentDraft("Here it is.\nAttachment: receipt.png", Instant.parse("2026-11-20T10:04:12Z"),
                        "005CUSTOMER000001"),
                new CommentDraft("Thanks, a replacement is on its way.", Instant.parse("2026-11-20T10:14:55Z"),
                        "005AGENT00000001")), composed(SHIPPED, exchange));
        assertEquals(List.of(), outcome(exchange).warnings());
    }

    @Test
    void shouldPutTheLinkOfAFileNotUploadedInItsComment() {
        List<CommentDraft> comments = composed(SHIPPED, conversation(RECEIPT_LINKED, json -> { }));
        assertEquals("Here it is.\nAttachment: receipt.png https://witiop.example.com/files/8f2c", comments.get(2).body());
    }

    @Test
    void shouldNameTheFileOnlyAndWarnWhenALinkedAttachmentHasNoUrl() {
        Exchange exchange = conversation(RECEIPT_LINKED,
                json -> ((ObjectNode) message(json, 2).withArray("attachments").get(0)).remove("url"));
        assertEquals("Here it is.\nAttachment: receipt.png", composed(SHIPPED, exchange).get(2).body());
        assertEquals(List.of("attachment 'receipt.png' of message wamid.003 has no url to link to; the comment names "
                + "the file only"), outcome(exchange).warnings());
    }

    @Test
    void shouldWriteAMessageOfAnAttachmentAloneAsTheFilesLine() {
        List<CommentDraft> comments = composed(SHIPPED, conversation(RECEIPT_UPLOADED,
                json -> message(json, 2).put("text", "")));
        assertEquals("Attachment: receipt.png", comments.get(2).body());
    }

    @Test
    void shouldSplitALongMessageIntoCommentsThatFitAndKeepItsAuthorAndTime() {
        // two bytes each in UTF-8: 6,000 bytes, over the 4,000 a CaseComment holds
        String text = "è".repeat(3000);
        List<CommentDraft> comments = composed(SHIPPED, conversation(RECEIPT_UPLOADED,
                json -> message(json, 0).put("text", text)));
        assertEquals(5, comments.size());
        List<CommentDraft> pieces = comments.subList(0, 2);
        assertEquals(text, pieces.get(0).body() + pieces.get(1).body());
        for (CommentDraft piece : pieces) {
            assertTrue(piece.body().getBytes(StandardCharsets.UTF_8).length <= ComposeComments.MAX_BODY_BYTES,
                    piece.body().length() + " characters");
            assertEquals(Instant.parse("2026-11-20T10:01:07Z"), piece.createdDate());
            assertEquals("005CUSTOMER000001", piece.createdById());
        }
    }

    @Test
    void shouldSayWhenAndWhoInTheBodyWithAuditFieldsOff() {
        ConversationClosedMapping auditOff = withAuditFieldsOff();
        List<CommentDraft> comments = composed(auditOff, conversation(RECEIPT_UPLOADED, json -> { }));
        assertEquals(new CommentDraft("[2026-11-20 10:01:07 UTC] Maria C.: Hello, my order has not arrived yet.",
                null, null), comments.get(0));
        assertEquals(new CommentDraft("[2026-11-20 10:02:41 UTC] agent.demo: Hi Maria, could you send me a photo of "
                + "the receipt?", null, null), comments.get(1));
    }

    @Test
    void shouldNameAnUnnamedCustomerByPhoneAndAnUnnamedAgentByEmail() {
        ConversationClosedMapping auditOff = withAuditFieldsOff();
        List<CommentDraft> comments = composed(auditOff, conversation(RECEIPT_UPLOADED, json -> {
            json.with("customer").remove("name");
            json.with("agent").put("name", " ");
        }));
        assertTrue(comments.get(0).body().startsWith("[2026-11-20 10:01:07 UTC] +393331234567: "), comments.get(0).body());
        assertTrue(comments.get(1).body().startsWith("[2026-11-20 10:02:41 UTC] agent.demo@example.com: "),
                comments.get(1).body());
    }

    @Test
    void shouldRefuseToRunBeforeTheUsersAreFound() {
        Exchange exchange = conversation(RECEIPT_UPLOADED, json -> { });
        exchange.removeProperty(ConversationUsers.PROPERTY);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new ComposeComments(() -> SHIPPED).process(exchange));
        assertEquals("exchange property conversationUsers is missing: the route must call findConversationUsers first",
                failure.getMessage());
    }

    private ConversationClosedMapping withAuditFieldsOff() {
        ConversationClosedMapping mapping = editedMappings(config, "conversation-closed.yaml",
                file -> file.replace("auditFields: on", "auditFields: off")).conversationClosed();
        assertFalse(mapping.auditFields(), "the edited copy turns audit fields off");
        return mapping;
    }
}
