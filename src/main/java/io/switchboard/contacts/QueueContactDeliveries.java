package io.switchboard.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.EventType;
import io.switchboard.intake.EventParser;
import io.switchboard.intake.InvalidEventException;
import io.switchboard.intake.ParsedEvent;
import io.switchboard.store.ContactLink;
import io.switchboard.store.EventStore;
import io.switchboard.store.NewEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues one {@code contact-delivery} event per change of the page, durably, then moves the watermark past the page:
 * so a crash between reading a change and delivering it loses nothing, and the next run does not read it again.
 * A change the engine made itself for the source is left out (no echo): made by the connection's own user, with the
 * mapped values the engine last wrote to that Contact. A deleted Contact's link goes once its delivery is queued.
 * A page's deliveries are stored together, a few hundred a commit, not one commit each.
 */
final class QueueContactDeliveries implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(QueueContactDeliveries.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContactSteps steps;
    private final EventStore store;
    private final Consumer<String> progress;

    QueueContactDeliveries(ContactSteps steps, EventStore store, Consumer<String> progress) {
        this.steps = steps;
        this.store = store;
        this.progress = progress;
    }

    @Override
    public void process(Exchange exchange) {
        SyncRun run = ContactExchange.required(exchange, SyncRun.PROPERTY, SyncRun.class, "startContactSync");
        ContactChangePage page = ContactExchange.required(exchange, ContactExchange.PAGE, ContactChangePage.class,
                "readContactChanges");
        ContactSync sync = steps.sync();
        String engineUser = steps.client(exchange).runningUserId();
        Map<String, ContactLink> links = steps.links().linksOfContacts(page.records().stream()
                .map(record -> record.path("Id").asText()).toList());
        int echoes = 0;
        SyncPosition last = null;
        List<NewEvent> deliveries = new ArrayList<>();
        List<ContactLink> deletedLinks = new ArrayList<>();
        for (JsonNode record : page.records()) {
            String id = record.path("Id").asText();
            Instant stamp = SalesforceTimes.parse(record.path("SystemModstamp").asText(null));
            last = new SyncPosition(stamp, id);
            ContactLink link = links.get(id);
            if (isEcho(record, link, engineUser, sync)) {
                echoes++;
                continue;
            }
            deliveries.add(delivery(record, stamp, link, sync));
            if (record.path("IsDeleted").asBoolean(false) && link != null) {
                deletedLinks.add(link);
            }
        }
        // the page's deliveries share their commits; a change read again (the overlap, a crash before the watermark
        // moved) is stored already and not counted; a link goes only once its Contact's deletion is queued
        int queued = (int) store.acceptAll(deliveries).stream()
                .filter(acceptance -> !acceptance.duplicate() && !acceptance.keyReused()).count();
        deletedLinks.forEach(link -> steps.links().unlink(link.source(), link.contactId(), link.salesforceId()));
        if (last != null) {
            store.setWatermark(SyncPosition.WATERMARK, last.watermark());
        }
        run.pageQueued(page.records().size(), queued, echoes, last, page.full());
        String line = "Contact sync" + (run.full() ? " (every Contact)" : "") + ": " + run.read() + " read, "
                + run.queued() + " queued for delivery, " + run.echoes() + " of the engine's own writes left out"
                + (run.isDone() ? "; done" : "; reading on");
        LOG.info(line);
        progress.accept(line);
    }

    /** The connection's own user wrote it, and what it holds now of the mapped fields is what the engine wrote. */
    private boolean isEcho(JsonNode record, ContactLink link, String engineUser, ContactSync sync) {
        if (link == null || record.path("IsDeleted").asBoolean(false)
                || !engineUser.equals(record.path("LastModifiedById").asText())) {
            return false;
        }
        Optional<String> written = steps.links().writtenValues(link.salesforceId());
        if (written.isEmpty()) {
            return false;
        }
        JsonNode values;
        try {
            values = JSON.readTree(written.get());
        } catch (IOException e) {
            return false;
        }
        for (ContactField field : sync.toSource()) {
            String now = record.path(field.salesforceField()).asText(null);
            String wrote = values.path(field.salesforceField()).asText(null);
            if (!Objects.equals(now, wrote)) {
                return false;
            }
        }
        return true;
    }

    private static NewEvent delivery(JsonNode record, Instant stamp, ContactLink link, ContactSync sync) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("salesforceId", record.path("Id").asText())
                .put("change", change(record)).put("changedAt", stamp.toString());
        ObjectNode contact = body.putObject("contact");
        for (ContactField field : sync.toSource()) {
            JsonNode value = record.path(field.salesforceField());
            if (value.isValueNode() && !value.isNull()) {
                field.source().write(contact, value.asText());
            }
        }
        body.putArray("links");
        if (link != null && link.source().equals(sync.source())) {
            body.withArray("links").add(link.contactId());
        }
        return parsed(body.toString());
    }

    private static String change(JsonNode record) {
        if (record.path("IsDeleted").asBoolean(false)) {
            return "deleted";
        }
        return record.path("CreatedDate").asText().equals(record.path("LastModifiedDate").asText()) ? "created" : "updated";
    }

    private static NewEvent parsed(String body) {
        try {
            ParsedEvent parsed = EventParser.parse(EventType.CONTACT_DELIVERY, body.getBytes(StandardCharsets.UTF_8));
            return parsed.toStore(null);
        } catch (InvalidEventException e) {
            throw new IllegalStateException("a Contact change made an invalid delivery: " + e.getMessage(), e);
        }
    }
}
