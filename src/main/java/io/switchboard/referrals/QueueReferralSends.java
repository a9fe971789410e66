package io.switchboard.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.EventType;
import io.switchboard.intake.EventParser;
import io.switchboard.intake.InvalidEventException;
import io.switchboard.store.Acceptance;
import io.switchboard.store.EventStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues one {@code referral-send} event per marked record, durably, keyed by the record and its send number (one
 * more than the sends written back to it so far). A record read again before its send was written back (the next
 * run, another node) makes the same key, so it is queued once and sent once.
 */
final class QueueReferralSends implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(QueueReferralSends.class);

    private final Supplier<ReferralSendConfig> config;
    private final EventStore store;

    QueueReferralSends(Supplier<ReferralSendConfig> config, EventStore store) {
        this.config = config;
        this.store = store;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        List<JsonNode> records = exchange.getProperty(FindReferralsToSend.MARKED, List.class);
        if (records == null) {
            throw new IllegalStateException("findReferralsToSend must run before queueReferralSends");
        }
        ReferralSendConfig send = config.get();
        int queued = 0;
        for (JsonNode record : records) {
            queued += queue(body(record, send)) ? 1 : 0;
        }
        if (!records.isEmpty()) {
            LOG.info("Referral send: {} marked, {} queued (the others were queued before)", records.size(), queued);
        }
    }

    private static String body(JsonNode record, ReferralSendConfig send) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("salesforceRecordId", record.path("Id").asText())
                .put("sendNumber", record.path(send.sendNumberField()).asInt(0) + 1);
        ObjectNode fields = body.putObject("fields");
        send.fields().forEach((name, field) -> {
            JsonNode value = record.path(field);
            if (value.isValueNode() && !value.isNull()) {
                fields.set(name, value);
            }
        });
        return body.toString();
    }

    private boolean queue(String body) {
        try {
            Acceptance acceptance = store.accept(EventParser.parse(EventType.REFERRAL_SEND,
                    body.getBytes(StandardCharsets.UTF_8)).toStore(null));
            return !acceptance.duplicate() && !acceptance.keyReused();
        } catch (InvalidEventException e) {
            throw new IllegalStateException("a marked record made an invalid send: " + e.getMessage(), e);
        }
    }
}
