package io.switchboard.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.lookup.SoqlEscaping;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * On a retry, the reply Tasks an earlier attempt created before its answer was lost: found by person and Subject (a
 * reply's Subject carries its time), and reported rather than created twice. A first attempt asks nothing.
 */
final class FindWrittenReplyTasks implements Processor {
    private final ConnectionSteps steps;

    FindWrittenReplyTasks(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        List<DeliveryBatch.Result> retried = DeliveryBatch.of(exchange).repliesToWrite().stream()
                .filter(reply -> reply.member.claim().attempts() > 1).toList();
        if (retried.isEmpty()) {
            return;
        }
        String soql = "SELECT Id, WhoId, Subject FROM Task WHERE WhoId IN (" + quoted(retried.stream()
                .map(reply -> reply.delivery.salesforceId()).distinct().toList()) + ") AND Subject IN ("
                + quoted(retried.stream().map(DeliveryBatch.Result::replySubject).distinct().toList()) + ")";
        List<JsonNode> written = steps.client(exchange, SmsCampaignSteps.CONNECTION).queryRecords(soql);
        for (DeliveryBatch.Result reply : retried) {
            written.stream().filter(task -> task.path("WhoId").asText().startsWith(reply.delivery.salesforceId())
                    && task.path("Subject").asText().equals(reply.replySubject())).findFirst().ifPresent(task -> {
                        reply.taskId = task.path("Id").asText();
                        reply.member.outcome().produced("Task", reply.taskId, "created");
                    });
        }
    }

    private static String quoted(List<String> values) {
        return values.stream().map(SoqlEscaping::quote).collect(Collectors.joining(", "));
    }
}
