package io.switchboard.events;

import java.time.Instant;
import java.util.List;

/** A chat conversation that has been closed: it becomes a Case with one comment per message. */
public record ConversationClosed(String source, String conversationId, String channel, Instant closedAt, Agent agent,
                                 Customer customer, List<Message> messages) {

    /** The agent who handled the conversation; email finds the Salesforce user. */
    public record Agent(String email, String name) {
    }

    /** The customer; the phone finds or creates the Contact. Name may be null. */
    public record Customer(String phone, String name) {
    }

    /** One chat message; direction is {@code inbound} (customer) or {@code outbound} (agent). */
    public record Message(String id, String direction, Instant sentAt, String text, List<Attachment> attachments) {
        public boolean fromCustomer() {
            return "inbound".equals(direction);
        }
    }

    /** A file sent in a message: content inline as base64, or downloadable from url (or both). */
    public record Attachment(String fileName, String contentType, String url, String dataBase64) {
    }
}
