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
        String source = root.requiredId("source");
        String conversationId = root.requiredId("conversationId");
        String channel = root.requiredText("channel");
        var closedAt = root.requiredTimestamp("closedAt");
        FieldReader agent = root.requiredObject("agent");
        Agent theAgent = new Agent(agent.requiredEmail("email"), agent.optionalText("name"));
        FieldReader customer = root.requiredObject("customer");
        Customer theCustomer = new Customer(customer.requiredPhone("phone"), customer.optionalText("name"));
        List<Message> messages = root.requiredNonEmptyArray("messages").stream().map(this::message).toList();
        return new ConversationClosed(source, conversationId, channel, closedAt, theAgent, theCustomer, messages);
    }

    /** Text must be there but may be empty: a message can consist of an attachment alone. */
    private Message message(FieldReader message) {
        return new Message(message.requiredText("id"), message.requiredOneOf("direction", DIRECTIONS),
                message.requiredTimestamp("sentAt"), message.requiredTextMayBeEmpty("text"),
                message.optionalArray("attachments").stream().map(this::attachment).toList());
    }

    private Attachment attachment(FieldReader attachment) {
        attachment.requireOneOf("url", "dataBase64");
        return new Attachment(attachment.requiredText("fileName"), attachment.optionalText("contentType"),
                attachment.optionalUrl("url"), attachment.optionalBase64("dataBase64"));
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
