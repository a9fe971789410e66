package io.switchboard.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.events.ContactChanged;
import io.switchboard.events.EventOutcome;
import io.switchboard.lookup.FindPersonByPhone;
import io.switchboard.lookup.PersonSearchResult;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.mapping.Person;
import io.switchboard.mapping.SearchTarget;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.store.ContactLink;
import io.switchboard.store.LinkResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The Contacts a source contact with no link yet belongs to: those holding any of its phones on the match phone
 * fields, whatever either side's formatting (searched as the conversation route searches, with its fallback while
 * the search index lags), or any of its emails on the match email fields. Contacts linked to another source contact
 * are left out; of the rest the ten most recently modified are kept, with a warning when there were more.
 */
final class MatchContacts implements Processor {
    private static final int EMAIL_MATCHES = 50;

    private final ContactSteps steps;

    MatchContacts(ContactSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ContactChanged event = ContactExchange.event(exchange);
        EventOutcome outcome = ContactExchange.outcome(exchange);
        ContactSync sync = steps.sync();
        SalesforceClient client = steps.client(exchange);
        Map<String, Person> found = new LinkedHashMap<>();
        if (!sync.phoneFields().isEmpty()) {
            FindPersonByPhone byPhone = new FindPersonByPhone(client);
            SearchTarget target = new SearchTarget(ContactSteps.CONTACT, sync.phoneFields());
            for (String phone : event.contact().phones()) {
                PersonSearchResult result = byPhone.find(phone, List.of(target));
                // several Contacts with one number are all linked, so only a number too short to search is worth saying
                result.warnings().stream().filter(warning -> result.matches().isEmpty()).forEach(outcome::warn);
                result.matches().forEach(person -> found.merge(person.id(), person, MatchContacts::newer));
            }
        }
        if (!sync.emailFields().isEmpty() && !event.contact().emails().isEmpty()) {
            byEmail(client, sync.emailFields(), event.contact().emails())
                    .forEach(person -> found.merge(person.id(), person, MatchContacts::newer));
        }
        exchange.setProperty(ContactExchange.MATCHES, freeToLink(event, found, outcome));
    }

    private static List<Person> byEmail(SalesforceClient client, List<String> fields, List<String> emails) {
        String quoted = emails.stream().map(SoqlEscaping::quote)
                .distinct().collect(Collectors.joining(", "));
        String where = fields.stream().map(field -> field + " IN (" + quoted + ")").collect(Collectors.joining(" OR "));
        List<Person> matches = new ArrayList<>();
        for (JsonNode record : client.query("SELECT Id, LastModifiedDate FROM Contact WHERE " + where
                + " ORDER BY LastModifiedDate DESC LIMIT " + EMAIL_MATCHES).path("records")) {
            matches.add(new Person(ContactSteps.CONTACT, record.path("Id").asText(),
                    SalesforceTimes.parse(record.path("LastModifiedDate").asText(null))));
        }
        return matches;
    }

    private List<Person> freeToLink(ContactChanged event, Map<String, Person> found, EventOutcome outcome) {
        Map<String, ContactLink> linked = steps.links().linksOfContacts(found.keySet());
        List<Person> free = found.values().stream()
                .filter(person -> !linked.containsKey(person.id()) || ownedBy(linked.get(person.id()), event))
                .sorted(Comparator.comparing(Person::lastModified, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        if (free.size() > LinkResult.MAX_LINKS) {
            outcome.warn(free.size() + " Contacts match " + event.source() + " contact " + event.contactId()
                    + "; linked the " + LinkResult.MAX_LINKS + " most recently modified, not "
                    + free.subList(LinkResult.MAX_LINKS, free.size()).stream().map(Person::id)
                    .collect(Collectors.joining(", ")));
            return free.subList(0, LinkResult.MAX_LINKS);
        }
        return free;
    }

    private static boolean ownedBy(ContactLink link, ContactChanged event) {
        return link.source().equals(event.source()) && link.contactId().equals(event.contactId());
    }

    private static Person newer(Person one, Person other) {
        Instant a = one.lastModified();
        Instant b = other.lastModified();
        return a == null || b != null && b.isAfter(a) ? other : one;
    }
}
