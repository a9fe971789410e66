package io.switchboard.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.salesforce.SalesforceClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The next page of Contacts created, changed or deleted in Salesforce: {@code queryAll}, so that deletions in the
 * recycle bin come with the rest, ordered by SystemModstamp with the Id breaking ties, 2,000 a call. A run's first
 * page starts a little before the watermark, as Salesforce can make a commit visible after its stamp; what that
 * overlap reads again is dropped when queued, as its deliveries are stored already.
 */
final class ReadContactChanges implements Processor {
    static final int PAGE_SIZE = 2_000;
    static final Duration OVERLAP = Duration.ofSeconds(30);

    private final ContactSteps steps;

    ReadContactChanges(ContactSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        SyncRun run = ContactExchange.required(exchange, SyncRun.PROPERTY, SyncRun.class, "startContactSync");
        SalesforceClient client = steps.client(exchange);
        String soql = "SELECT " + String.join(", ", fields(steps.sync())) + " FROM Contact" + where(run)
                + " ORDER BY SystemModstamp, Id LIMIT " + PAGE_SIZE;
        List<JsonNode> records = new ArrayList<>();
        client.send("GET", "/queryAll?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8), null).path("records")
                .forEach(records::add);
        exchange.setProperty(ContactExchange.PAGE, new ContactChangePage(records, records.size() == PAGE_SIZE));
    }

    private static Set<String> fields(ContactSync sync) {
        Set<String> fields = new LinkedHashSet<>(List.of("Id", "IsDeleted", "CreatedDate", "LastModifiedDate",
                "LastModifiedById", "SystemModstamp"));
        sync.toSource().forEach(field -> fields.add(field.salesforceField()));
        return fields;
    }

    private static String where(SyncRun run) {
        if (run.after().isPresent()) {
            SyncPosition after = run.after().get();
            String stamp = literal(after.stamp());
            return " WHERE (SystemModstamp > " + stamp + " OR (SystemModstamp = " + stamp + " AND Id > "
                    + SoqlEscaping.quote(after.id()) + "))";
        }
        return run.startedFrom().map(from -> " WHERE SystemModstamp >= " + literal(from.stamp().minus(OVERLAP)))
                .orElse("");
    }

    /** SOQL's datetime literal: unquoted, in UTC. */
    private static String literal(Instant at) {
        return at.toString();
    }
}
