package io.switchboard.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.salesforce.ConnectionPausedException;
import io.switchboard.salesforce.LoginRefusedException;
import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.salesforce.SalesforceClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the rows through sObject collections, 200 records a call with {@code allOrNone: false} so that one bad row
 * does not hold back the others: {@code PATCH /composite/sobjects} to update by id,
 * {@code PATCH /composite/sobjects/{object}/{externalIdField}} to upsert. The calls go through the connection's
 * {@link SalesforceClient}, so its call guard records the org's API usage, and each call is first admitted by the
 * connection: while its API allowance is past the pause share the run waits, rather than spend what the engine's
 * events need. Each call's rows are journaled before it goes and its answers once they are back, so a run that stops
 * between the two knows which rows are in doubt. Salesforce answers in request order, so the n-th answer is the n-th
 * record's.
 */
final class CollectionsWriter {
    static final int RECORDS_PER_CALL = 200;

    private final SalesforceClient client;
    private final AllowanceWait allowance;

    CollectionsWriter(SalesforceClient client, AllowanceWait allowance) {
        this.client = client;
        this.allowance = allowance;
    }

    List<RowResult> send(BulkTarget target, List<PreparedRow> rows, Progress progress, RunJournal journal)
            throws IOException {
        String path = target.externalIdField()
                .map(field -> "/composite/sobjects/" + target.sobject() + "/" + field)
                .orElse("/composite/sobjects");
        List<RowResult> results = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += RECORDS_PER_CALL) {
            List<PreparedRow> batch = rows.subList(from, Math.min(rows.size(), from + RECORDS_PER_CALL));
            List<RowResult> answered;
            try {
                answered = sendOnce(path, batch, target, journal);
            } catch (LoginRefusedException stop) {
                List<RowResult> unsent = failAll(rows.subList(from, rows.size()), stop.errorCode(),
                        "not sent: " + stop.getMessage());
                journal.recorded(unsent);
                results.addAll(unsent);
                progress.sent(0, rows.size() - from);
                return results;
            } catch (SalesforceApiException lost) {
                // no answer: the rows stay in doubt in the journal, and the next run reads them back
                answered = failAll(batch, lost.errorCode(), "no answer from Salesforce (" + lost.getMessage()
                        + "); the rows may have been written: run again with the same file to check them");
            }
            results.addAll(answered);
            int failed = (int) answered.stream().filter(result -> result.outcome() == Outcome.FAILED).count();
            progress.sent(answered.size() - failed, failed);
        }
        return results;
    }

    /** One call, sent again while the allowance holds it (a call refused for the allowance was not applied). */
    private List<RowResult> sendOnce(String path, List<PreparedRow> batch, BulkTarget target, RunJournal journal)
            throws IOException {
        journal.sending(batch);
        while (true) {
            allowance.admit();
            List<RowResult> answered;
            try {
                answered = correlate(batch, client.send("PATCH", path, request(batch)), target);
            } catch (ConnectionPausedException paused) {
                allowance.waitFor(paused);
                continue;
            } catch (SalesforceApiException refused) {
                if (refused.status() == 0) {
                    throw refused;
                }
                // the call as a whole was refused: none of its records was written
                answered = failAll(batch, refused.errorCode(), refused.getMessage());
            }
            journal.recorded(answered);
            return answered;
        }
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
