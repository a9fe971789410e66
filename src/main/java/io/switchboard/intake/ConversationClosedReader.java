package io.switchboard.intake;

import io.switchboard.events.ConversationClosed;
import io.switchboard.events.ConversationClosed.Agent;
import io.switchboard.events.ConversationClosed.Attachment;
import io.switchboard.events.ConversationClosed.Customer;
import io.switchboard.events.ConversationClosed.Message;
import java.util.ArrayList;
import java.util.List;

/** Reads a closed chat conversation: who, on which channel, and every message with its attachments. */
final class ConversationClosedReader implements EventReader<ConversationClosed> {

    @Override
    public ConversationClosed read(FieldReader root) {
        FieldReader agent = root.object("agent");
        FieldReader customer = root.object("customer");
        return new ConversationClosed(root.id("source"), root.id("conversationId"), root.text("channel"),
                root.timestamp("closedAt"), new Agent(agent.text("email"), agent.text("name")),
                new Customer(customer.text("phone"), customer.text("name")),
                root.array("messages").stream().map(this::message).toList());
    }

    private Message message(FieldReader message) {
        return new Message(message.text("id"), message.text("direction"), message.timestamp("sentAt"),
                message.text("text"), message.array("attachments").stream().map(this::attachment).toList());
    }

    private Attachment attachment(FieldReader attachment) {
        return new Attachment(attachment.text("fileName"), attachment.text("contentType"), attachment.url("url"),
                attachment.base64("dataBase64"));
    }

    /** A message sent after the conversation closed: a clock or export problem on the source's side. */
    @Override
    public List<String> warnings(ConversationClosed event) {
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < event.messages().size(); i++) {
            Message message = event.messages().get(i);
            if (message.sentAt().isAfter(event.closedAt())) {
                warnings.add("messages[" + i + "].sentAt " + message.sentAt() + " is later than closedAt "
                        + event.closedAt() + "; the comment keeps the message's own time");
            }
        }
        return warnings;
    }

    @Override
    public String source(ConversationClosed event) {
        return event.source();
    }

    @Override
    public List<String> keyParts(ConversationClosed event) {
        return List.of(event.source(), event.conversationId());
    }
}
