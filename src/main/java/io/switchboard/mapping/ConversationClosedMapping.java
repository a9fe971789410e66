package io.switchboard.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code config/conversation-closed.yaml}: how a closed conversation becomes a Case with comments.
 *
 * @param contactSearchFields the Contact phone fields the customer's number is searched on
 * @param origin the channel mapped to {@code Case.Origin}
 * @param attachments how the chat's files reach the Case
 * @param customerCommentUser the username inbound comments are posted as; null for the connection's
 *                            {@code customer-comment-username} ({@code SF_CUSTOMER_COMMENT_USERNAME})
 */
public record ConversationClosedMapping(Path file, List<String> contactSearchFields, Template subject, String status,
                                        MapValue origin, boolean auditFields, AttachmentSettings attachments,
                                        String customerCommentUser, List<ObjectUse> objectUses) {
    public ConversationClosedMapping {
        contactSearchFields = List.copyOf(contactSearchFields);
        objectUses = List.copyOf(objectUses);
    }

    public SearchTarget contactSearch() {
        return new SearchTarget("Contact", contactSearchFields);
    }

    /** The Case's configured fields: Subject, Origin and Status (the route adds ContactId and OwnerId). */
    public ObjectNode caseFields(EventVariables conversation) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("Subject", new RenderTemplate().render(subject, conversation));
        fields.put("Origin", origin.apply(conversation.value("channel").map(Object::toString).orElse(null)));
        fields.put("Status", status);
        return fields;
    }

    /** The username for inbound comments: this file's setting, else the connection's. */
    public String customerCommentUsername(String connectionDefault) {
        return customerCommentUser != null ? customerCommentUser : connectionDefault;
    }
}
