package io.switchboard.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.store.ContactLink;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * With {@code onSourceDelete: delete}, the linked Contacts a source contact's deletion deletes: those that still
 * exist, so that a retry after some were deleted deletes only the rest. Unlinking alone (the default) deletes none.
 */
final class PlanSourceDelete implements Processor {
    private final ContactSteps steps;

    PlanSourceDelete(ContactSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        List<ContactLink> links = ContactExchange.links(exchange);
        List<String> deletes = new ArrayList<>();
        if (steps.sync().onSourceDelete() == OnSourceDelete.DELETE && !links.isEmpty()) {
            String ids = links.stream().map(link -> SoqlEscaping.quote(link.salesforceId()))
                    .collect(Collectors.joining(", "));
            for (JsonNode record : steps.client(exchange).query("SELECT Id FROM Contact WHERE Id IN (" + ids + ")")
                    .path("records")) {
                deletes.add(record.path("Id").asText());
            }
        }
        exchange.setProperty(ContactExchange.DELETES, deletes);
    }
}
