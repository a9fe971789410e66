package io.switchboard.behaviours.conversation;

import io.switchboard.events.ConversationClosed;
import io.switchboard.events.ConversationClosed.Attachment;
import io.switchboard.events.ConversationClosed.Message;
import io.switchboard.events.EventOutcome;
import io.switchboard.mapping.ConversationClosedMapping;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import java.util.function.Supplier;

/**
 * Turns each message into its CaseComment text: the message's text, then its attachments by file name, with the
 * link of each that {@link LoadAttachments} did not upload; with audit fields off, prefixed by
 * {@code [sentAt UTC] author:}. A text over the 4,000 bytes a CaseComment holds becomes several comments. Leaves
 * {@link CaseComments} on the exchange.
 */
public final class ComposeComments implements Processor {
    /** CaseComment.CommentBody's limit, which Salesforce counts in UTF-8 bytes. */
    static final int MAX_BODY_BYTES = 4000;
    private static final DateTimeFormatter SENT_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Supplier<ConversationClosedMapping> mapping;

    public ComposeComments(Supplier<ConversationClosedMapping> mapping) {
        this.mapping = mapping;
    }

    @Override
    public void process(Exchange exchange) {
        ConversationClosed event = ConversationExchange.event(exchange);
        ConversationUsers users = ConversationExchange.required(exchange, ConversationUsers.PROPERTY,
                ConversationUsers.class, "findConversationUsers");
        ConversationFiles files = ConversationExchange.required(exchange, ConversationFiles.PROPERTY,
                ConversationFiles.class, "loadAttachments");
        EventOutcome outcome = ConversationExchange.outcome(exchange);
        List<CommentDraft> comments = new ArrayList<>();
        for (int m = 0; m < event.messages().size(); m++) {
            Message message = event.messages().get(m);
            String body = withAuthorLine(event, message, withAttachments(message, m, files, outcome));
            for (String piece : SplitByUtf8Bytes.split(body, MAX_BODY_BYTES)) {
                comments.add(mapping.get().auditFields()
                        ? new CommentDraft(piece, message.sentAt(), users.authorOf(message.fromCustomer()))
                        : new CommentDraft(piece, null, null));
            }
        }
        exchange.setProperty(CaseComments.PROPERTY, new CaseComments(comments));
    }

    private static String withAttachments(Message message, int index, ConversationFiles files, EventOutcome outcome) {
        List<String> lines = new ArrayList<>();
        if (!message.text().isEmpty()) {
            lines.add(message.text());
        }
        for (int a = 0; a < message.attachments().size(); a++) {
            Attachment attachment = message.attachments().get(a);
            lines.add("Attachment: " + attachment.fileName()
                    + (files.linked(index, a) ? link(message, attachment, outcome) : ""));
        }
        return String.join("\n", lines);
    }

    private static String link(Message message, Attachment attachment, EventOutcome outcome) {
        if (attachment.url() == null) {
            outcome.warn("attachment '" + attachment.fileName() + "' of message " + message.id()
                    + " has no url to link to; the comment names the file only");
            return "";
        }
        return " " + attachment.url();
    }

    private String withAuthorLine(ConversationClosed event, Message message, String body) {
        if (mapping.get().auditFields()) {
            return body;
        }
        return "[" + SENT_AT.format(message.sentAt()) + "] " + author(event, message) + ": " + body;
    }

    private static String author(ConversationClosed event, Message message) {
        if (message.fromCustomer()) {
            String name = event.customer().name();
            return name == null || name.isBlank() ? event.customer().phone() : name;
        }
        String name = event.agent().name();
        return name == null || name.isBlank() ? event.agent().email() : name;
    }
}
