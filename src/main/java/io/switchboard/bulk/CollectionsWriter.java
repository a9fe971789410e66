package io.switchboard.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.salesforce.ConnectionPausedException;
import io.switchboard.salesforce.LoginRefusedException;
import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.salesforce.SalesforceClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the rows through sObject collections, 200 records a call with {@code allOrNone: false} so that one bad row
 * does not hold back the others: {@code PATCH /composite/sobjects} to update by id,
 * {@code PATCH /composite/sobjects/{object}/{externalIdField}} to upsert. The calls go through the connection's
 * {@link SalesforceClient}, so its call guard records the org's API usage, and each call is first admitted by the
 * connection: once its API allowance passes the pause share, the rows not yet sent fail with the pause's reason
 * rather than spend what the engine's events need. Salesforce answers in request order, so the n-th answer is the
 * n-th record's.
 */
public final class CollectionsWriter {
    static final int RECORDS_PER_CALL = 200;

    private final SalesforceClient client;

    public CollectionsWriter(SalesforceClient client) {
        this.client = client;
    }

    public List<RowResult> send(BulkTarget target, List<PreparedRow> rows, Progress progress) {
        String path = target.externalIdField()
                .map(field -> "/composite/sobjects/" + target.sobject() + "/" + field)
                .orElse("/composite/sobjects");
        List<RowResult> results = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += RECORDS_PER_CALL) {
            List<PreparedRow> batch = rows.subList(from, Math.min(rows.size(), from + RECORDS_PER_CALL));
            List<RowResult> answered;
            try {
                client.admit();
                answered = correlate(batch, client.send("PATCH", path, request(batch)), target);
            } catch (ConnectionPausedException | LoginRefusedException stop) {
                results.addAll(failAll(rows.subList(from, rows.size()), stop.errorCode(),
                        "not sent: " + stop.getMessage()));
                progress.sent(0, rows.size() - from);
                return results;
            } catch (SalesforceApiException refused) {
                // the call as a whole was refused: none of its records was written
                answered = failAll(batch, refused.errorCode(), refused.getMessage());
            }
            results.addAll(answered);
            int failed = (int) answered.stream().filter(result -> result.outcome() == Outcome.FAILED).count();
            progress.sent(answered.size() - failed, failed);
        }
        return results;
    }

    private static ObjectNode request(List<PreparedRow> batch) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("allOrNone", false);
        ArrayNode records = request.putArray("records");
        batch.forEach(row -> records.add(row.record()));
        return request;
    }

    private static List<RowResult> correlate(List<PreparedRow> batch, JsonNode answer, BulkTarget target) {
        if (!answer.isArray() || answer.size() != batch.size()) {
            return failAll(batch, "UNEXPECTED_ANSWER", "Salesforce answered " + answer.size() + " result(s) for "
                    + batch.size() + " records; the rows' outcome is unknown");
        }
        List<RowResult> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            results.add(result(batch.get(i), answer.get(i), target));
        }
        return results;
    }

    private static RowResult result(PreparedRow row, JsonNode answer, BulkTarget target) {
        String id = answer.path("id").asText("");
        if (answer.path("success").asBoolean(false)) {
            boolean created = target.externalIdField().isPresent() && answer.path("created").asBoolean(false);
            return new RowResult(row.line(), row.key(), id, created ? Outcome.CREATED : Outcome.UPDATED, "", "");
        }
        JsonNode errors = answer.path("errors");
        String code = errors.path(0).path("statusCode").asText("UNKNOWN_ERROR");
        List<String> messages = new ArrayList<>();
        errors.forEach(error -> messages.add(error.path("message").asText()));
        return new RowResult(row.line(), row.key(), id, Outcome.FAILED, code, String.join("; ", messages));
    }

    private static List<RowResult> failAll(List<PreparedRow> rows, String code, String message) {
        return rows.stream().map(row -> new RowResult(row.line(), row.key(), "", Outcome.FAILED, code, message)).toList();
    }
}
