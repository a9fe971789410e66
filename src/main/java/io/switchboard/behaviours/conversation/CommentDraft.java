package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.mapping.SalesforceValues;
import java.time.Instant;

/**
 * One CaseComment to write. With audit fields on it carries the message's time and author; with them off both are
 * null and the body says when and who instead.
 */
record CommentDraft(String body, Instant createdDate, String createdById) {

    ObjectNode fields(String parentId) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("ParentId", parentId);
        fields.put("CommentBody", body);
        if (createdDate != null) {
            fields.put("CreatedDate", SalesforceValues.datetime(createdDate));
            fields.put("CreatedById", createdById);
        }
        return fields;
    }
}
