package io.switchboard.intake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.switchboard.store.StoreException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever stopped an API request into its answer: a refusal as its own status and body, an unreachable
 * store as 503 (the caller should retry; nothing was accepted), anything else as 500 without internals.
 */
public final class AnswerFailure implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerFailure.class);

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof ApiRefusal refusal) {
            JsonAnswer.write(exchange, refusal.status(), refusal.answer());
        } else if (failure instanceof StoreException) {
            LOG.error("Event store unavailable while answering {}", exchange.getFromRouteId(), failure);
            JsonAnswer.write(exchange, 503, JsonNodeFactory.instance.objectNode().put("error", "store_unavailable")
                    .put("message", "the event store cannot be reached; retry later"));
        } else {
            LOG.error("Unexpected failure while answering {}", exchange.getFromRouteId(), failure);
            JsonAnswer.write(exchange, 500, JsonNodeFactory.instance.objectNode().put("error", "internal_error"));
        }
    }
}
