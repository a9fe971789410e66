package io.switchboard.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.salesforce.SalesforceApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.camel.Exchange;

/**
 * Salesforce's answers to the sms-delivery route's collection calls, one method per write step. Salesforce answers
 * in request order, so the n-th answer is the n-th record's; a refused record fails the results it was for with
 * Salesforce's errorCode and message (retried if Salesforce was only busy), the others go on.
 */
public final class ReadSmsWrites {
    private static final ObjectMapper JSON = new ObjectMapper();

    public void statusUpdates(Exchange exchange) throws IOException {
        DeliveryBatch batch = DeliveryBatch.of(exchange);
        List<DeliveryBatch.StatusUpdate> updates = new ArrayList<>(batch.updates.values());
        read(exchange, updates.size(), (index, answer) -> {
            DeliveryBatch.StatusUpdate update = updates.get(index);
            for (DeliveryBatch.Result result : update.from()) {
                if (answer.path("success").asBoolean(false)) {
                    result.member.outcome().produced("CampaignMember", update.memberId(), "updated");
                } else {
                    result.member.fail(refusal(answer, "CampaignMember " + update.memberId()));
                }
            }
        });
    }

    public void replyTasks(Exchange exchange) throws IOException {
        List<DeliveryBatch.Result> replies = DeliveryBatch.of(exchange).repliesToWrite();
        read(exchange, replies.size(), (index, answer) -> {
            DeliveryBatch.Result reply = replies.get(index);
            if (answer.path("success").asBoolean(false)) {
                reply.taskId = answer.path("id").asText();
                reply.member.outcome().produced("Task", reply.taskId, "created");
            } else {
                reply.member.fail(refusal(answer, "the reply Task"));
            }
        });
    }

    private static void read(Exchange exchange, int expected, BiConsumer<Integer, JsonNode> each) throws IOException {
        JsonNode answers = JSON.readTree(exchange.getMessage().getBody(String.class));
        if (!answers.isArray() || answers.size() != expected) {
            throw new IOException("Salesforce answered " + (answers.isArray() ? answers.size() : "no list of")
                    + " results for " + expected + " records");
        }
        for (int i = 0; i < expected; i++) {
            each.accept(i, answers.get(i));
        }
    }

    private static SalesforceApiException refusal(JsonNode answer, String what) {
        JsonNode error = answer.path("errors").path(0);
        List<String> fields = new ArrayList<>();
        error.path("fields").forEach(field -> fields.add(field.asText()));
        String code = error.path("statusCode").asText("UNKNOWN_ERROR");
        return new SalesforceApiException(400, code, what + " was refused: " + error.path("message")
                .asText("Salesforce gave no reason"), fields, null);
    }
}
