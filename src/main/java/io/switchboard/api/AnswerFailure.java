package io.switchboard.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.store.StoreException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever stopped an API request into its answer, for every HTTP API route at once: a refusal as its own
 * status and body, a Salesforce refusal with Salesforce's status, errorCode and message, an unreachable store as 503
 * (the caller should retry; nothing was accepted), anything else as 500 without internals.
 */
public final class AnswerFailure implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerFailure.class);

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof ApiRefusal refusal) {
            JsonAnswers.write(exchange, refusal.status(), refusal.answer());
        } else if (failure instanceof SalesforceApiException salesforce) {
            answerSalesforceRefusal(exchange, salesforce);
        } else if (failure instanceof StoreException) {
            LOG.error("Event store unavailable while answering {}", exchange.getFromRouteId(), failure);
            JsonAnswers.write(exchange, 503, JsonNodeFactory.instance.objectNode().put("error", "store_unavailable")
                    .put("message", "the event store cannot be reached; retry later"));
        } else {
            LOG.error("Unexpected failure while answering {}", exchange.getFromRouteId(), failure);
            JsonAnswers.write(exchange, 500, JsonNodeFactory.instance.objectNode().put("error", "internal_error"));
        }
    }

    /** Salesforce's own status, code, message and fields; a failure to reach Salesforce is a 502, never a bare 500. */
    private static void answerSalesforceRefusal(Exchange exchange, SalesforceApiException e) {
        int status = e.status() >= 400 && e.status() < 600 ? e.status() : 502;
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("errorCode", e.errorCode()).put("message", e.getMessage());
        ArrayNode fields = body.putArray("fields");
        e.fields().forEach(fields::add);
        JsonAnswers.write(exchange, status, body);
    }
}
