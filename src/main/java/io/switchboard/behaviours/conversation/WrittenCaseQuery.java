package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.behaviours.EventAttempt;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.mapping.SalesforceValues;
import io.switchboard.salesforce.SalesforceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * On a retry, finds the Case an earlier attempt at the same event wrote, and the comments and files under it.
 * Case has no field of ours to upsert on, so the Case is recognised by what this event gives it: the same Subject
 * (by default the customer's phone and the conversation id) on the same Contact, created by the connection's user
 * no earlier than the event was accepted. That last condition keeps apart a later event for the same conversation,
 * which is meant to make a Case of its own.
 */
final class WrittenCaseQuery {

    Optional<WrittenCase> find(SalesforceClient client, ObjectNode caseFields, EventAttempt attempt,
                               List<CaseChild> children) {
        String soql = "SELECT Id FROM Case WHERE Subject = " + quoted(caseFields.path("Subject"))
                + " AND ContactId = " + quoted(caseFields.path("ContactId"))
                + " AND CreatedById = " + SoqlEscaping.quote(client.runningUserId())
                + " AND CreatedDate >= " + SalesforceValues.datetime(attempt.earliestWrite())
                + " ORDER BY CreatedDate LIMIT 1";
        List<JsonNode> cases = client.queryRecords(soql);
        if (cases.isEmpty()) {
            return Optional.empty();
        }
        String caseId = cases.get(0).path("Id").asText();
        boolean anyComment = children.stream().anyMatch(CaseChild.Comment.class::isInstance);
        boolean anyFile = children.stream().anyMatch(CaseChild.File.class::isInstance);
        return Optional.of(new WrittenCase(caseId, new WrittenChildren(
                anyComment ? comments(client, caseId) : List.of(), anyFile ? files(client, caseId) : List.of())));
    }

    private static String quoted(JsonNode value) {
        return value.isTextual() && !value.asText().isEmpty() ? SoqlEscaping.quote(value.asText()) : "null";
    }

    private static List<WrittenChildren.WrittenComment> comments(SalesforceClient client, String caseId) {
        List<WrittenChildren.WrittenComment> comments = new ArrayList<>();
        for (JsonNode record : client.queryRecords("SELECT Id, CommentBody, CreatedDate FROM CaseComment WHERE ParentId = "
                + SoqlEscaping.quote(caseId) + " ORDER BY CreatedDate, Id")) {
            String created = record.path("CreatedDate").asText(null);
            comments.add(new WrittenChildren.WrittenComment(record.path("Id").asText(), record.path("CommentBody").asText(""),
                    created == null ? null : SalesforceValues.instant(created)));
        }
        return comments;
    }

    /** Through ContentDocumentLink, the one way Salesforce lets every file shared with a record be queried. */
    private static List<WrittenChildren.WrittenFile> files(SalesforceClient client, String caseId) {
        List<WrittenChildren.WrittenFile> files = new ArrayList<>();
        for (JsonNode record : client.queryRecords("SELECT ContentDocumentId, ContentDocument.Title,"
                + " ContentDocument.LatestPublishedVersionId FROM ContentDocumentLink WHERE LinkedEntityId = "
                + SoqlEscaping.quote(caseId))) {
            JsonNode document = record.path("ContentDocument");
            files.add(new WrittenChildren.WrittenFile(document.path("LatestPublishedVersionId").asText(),
                    record.path("ContentDocumentId").asText(), document.path("Title").asText()));
        }
        return files;
    }
}
