package io.switchboard.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ContactChanged;
import io.switchboard.events.EventOutcome;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.mapping.FitToFieldLengths;
import io.switchboard.mapping.SObjectDescription;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.store.ContactLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/**
 * What a change of a linked source contact writes to its Contacts, read from them first in one query: each mapped
 * field that moves to Salesforce and differs from what the Contact holds. A field mapped both ways is written only
 * when the source's change is newer than the Contact's last modification; otherwise Salesforce's value stays and
 * the event says so, naming the field. A linked Contact that no longer exists in Salesforce is unlinked. The
 * request goes as the body of the route's {@code raw} step, to the sObject collections path set here.
 */
final class PlanContactUpdates implements Processor {
    private final ContactSteps steps;
    private final FitToFieldLengths fitToFieldLengths = new FitToFieldLengths();

    PlanContactUpdates(ContactSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ContactChanged event = ContactExchange.event(exchange);
        EventOutcome outcome = ContactExchange.outcome(exchange);
        ContactSync sync = steps.sync();
        SalesforceClient client = steps.client(exchange);
        List<ContactLink> links = ContactExchange.links(exchange);
        Map<String, JsonNode> contacts = read(client, sync, links);
        Map<String, String> values = ContactValues.toSalesforce(sync, event.contact());
        SObjectDescription describe = steps.describeContact(client);
        List<ContactUpdates.Update> updates = new ArrayList<>();
        for (ContactLink link : links) {
            JsonNode contact = contacts.get(link.salesforceId());
            if (contact == null) {
                steps.links().unlink(link.source(), link.contactId(), link.salesforceId());
                outcome.produced(ContactSteps.CONTACT, link.salesforceId(), "unlinked");
                outcome.warn("Contact " + link.salesforceId() + " no longer exists in Salesforce; its link was removed");
                continue;
            }
            ObjectNode fields = changes(sync, event, contact, values, outcome);
            if (!fields.isEmpty()) {
                fitToFieldLengths.fit(describe, fields, outcome::warn);
                updates.add(new ContactUpdates.Update(link.salesforceId(), fields, heldAfter(sync, contact, fields)));
            }
        }
        ContactUpdates planned = new ContactUpdates(updates);
        exchange.setProperty(ContactExchange.UPDATES, planned);
        exchange.getMessage().setHeader(SalesforceEndpointConfig.RAW_PATH,
                "/services/data/v" + client.connection().apiVersion() + "/composite/sobjects");
        exchange.getMessage().setBody(planned.requestBody());
    }

    private static Map<String, JsonNode> read(SalesforceClient client, ContactSync sync, List<ContactLink> links) {
        Set<String> fields = new LinkedHashSet<>(List.of("Id", "LastModifiedDate"));
        sync.fields().forEach(field -> fields.add(field.salesforceField()));
        String ids = links.stream().map(link -> SoqlEscaping.quote(link.salesforceId())).collect(Collectors.joining(", "));
        Map<String, JsonNode> contacts = new LinkedHashMap<>();
        for (JsonNode record : client.query("SELECT " + String.join(", ", fields) + " FROM Contact WHERE Id IN ("
                + ids + ")").path("records")) {
            contacts.put(record.path("Id").asText(), record);
        }
        return contacts;
    }

    private static ObjectNode changes(ContactSync sync, ContactChanged event, JsonNode contact, Map<String, String> values,
                                      EventOutcome outcome) {
        Instant modified = SalesforceTimes.parse(contact.path("LastModifiedDate").asText(null));
        boolean salesforceNewer = modified != null && modified.isAfter(event.changedAt());
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (ContactField field : sync.toSalesforce()) {
            String value = values.get(field.salesforceField());
            String held = contact.path(field.salesforceField()).asText(null);
            if (value == null || Objects.equals(value, held)) {
                continue;
            }
            if (field.direction() == Direction.BOTH && salesforceNewer) {
                outcome.warn(field.salesforceField() + " of Contact " + contact.path("Id").asText()
                        + " kept Salesforce's value: the Contact was modified at " + modified + ", after the "
                        + event.source() + " change at " + event.changedAt() + " (" + field.source() + ")");
                continue;
            }
            fields.put(field.salesforceField(), value);
        }
        return fields;
    }

    /** Every mapped value the Contact holds once the write is done: what the engine leaves there. */
    private static ObjectNode heldAfter(ContactSync sync, JsonNode contact, ObjectNode written) {
        ObjectNode held = JsonNodeFactory.instance.objectNode();
        for (ContactField field : sync.fields()) {
            JsonNode value = written.has(field.salesforceField()) ? written.get(field.salesforceField())
                    : contact.path(field.salesforceField());
            held.put(field.salesforceField(), value.isNull() || value.isMissingNode() ? null : value.asText());
        }
        return held;
    }
}
