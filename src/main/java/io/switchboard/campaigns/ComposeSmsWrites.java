package io.switchboard.campaigns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.behaviours.ConnectionSteps;
import java.time.ZoneOffset;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/**
 * The sObject collection requests of the sms-delivery route, one method per write step: the members' statuses
 * ({@code PATCH /composite/sobjects}) and the reply Tasks ({@code POST /composite/sobjects}), each with
 * {@code allOrNone: false} so that one refused record holds back only its own results.
 */
public final class ComposeSmsWrites {
    /** A reply is a completed Task on the person, its text as the description. */
    static final String TASK_STATUS = "Completed";

    private final ConnectionSteps steps;

    public ComposeSmsWrites(ConnectionSteps steps) {
        this.steps = steps;
    }

    public void statusUpdates(Exchange exchange) {
        DeliveryBatch batch = DeliveryBatch.of(exchange);
        ObjectNode request = collection(exchange);
        ArrayNode records = request.putArray("records");
        batch.updates.values().forEach(update -> records.addObject()
                .<ObjectNode>set("attributes", JsonNodeFactory.instance.objectNode().put("type", "CampaignMember"))
                .put("id", update.memberId()).put("Status", update.status()));
        exchange.getMessage().setBody(request.toString());
    }

    public void replyTasks(Exchange exchange) {
        DeliveryBatch batch = DeliveryBatch.of(exchange);
        ObjectNode request = collection(exchange);
        ArrayNode records = request.putArray("records");
        batch.repliesToWrite().forEach(reply -> {
            ObjectNode task = records.addObject();
            task.putObject("attributes").put("type", "Task");
            task.put("WhoId", reply.delivery.salesforceId())
                    .put("Subject", reply.replySubject())
                    .put("Description", reply.delivery.text() == null ? "(the reply had no text)" : reply.delivery.text())
                    .put("Status", TASK_STATUS)
                    .put("ActivityDate", reply.delivery.at().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        });
        exchange.getMessage().setBody(request.toString());
    }

    private ObjectNode collection(Exchange exchange) {
        String apiVersion = steps.client(exchange, SmsCampaignSteps.CONNECTION).connection().apiVersion();
        exchange.getMessage().setHeader(SalesforceEndpointConfig.RAW_PATH,
                "/services/data/v" + apiVersion + "/composite/sobjects");
        return JsonNodeFactory.instance.objectNode().put("allOrNone", false);
    }
}
