package io.switchboard.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.mapping.Person;
import io.switchboard.mapping.PhoneNumber;
import io.switchboard.mapping.PhoneNumbers;
import io.switchboard.mapping.SearchTarget;
import io.switchboard.salesforce.SalesforceClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the Contact, Lead or Account a phone number belongs to, whatever either side's formatting. SOSL searches
 * phone fields on digits, then the returned phones are compared digit by digit to drop near misses. The search
 * index lags writes (a Contact created seconds ago is not found yet), so when SOSL finds nobody, SOQL looks for
 * the exact forms the number is most likely stored in.
 */
public final class FindPersonByPhone {
    private static final DateTimeFormatter SALESFORCE_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT);
    private static final int FALLBACK_LIMIT = 20;

    private final SalesforceClient client;

    public FindPersonByPhone(SalesforceClient client) {
        this.client = client;
    }

    public PersonSearchResult find(String phone, List<SearchTarget> targets) {
        PhoneNumber number = PhoneNumbers.parse(phone);
        if (!number.searchable()) {
            return new PersonSearchResult(List.of(), List.of("phone '" + phone + "' has fewer than "
                    + PhoneNumber.MIN_DIGITS + " digits; no person was searched for"));
        }
        List<Person> matches = search(number, targets);
        if (matches.isEmpty()) {
            matches = queryStoredForms(phone, number, targets);
        }
        matches.sort(Comparator.comparing(Person::lastModified, Comparator.nullsLast(Comparator.reverseOrder())));
        return new PersonSearchResult(matches, matches.size() > 1 ? List.of(severalMatches(phone, matches)) : List.of());
    }

    private List<Person> search(PhoneNumber number, List<SearchTarget> targets) {
        String returning = targets.stream().map(target -> target.sobject() + "(" + selectList(target) + ")")
                .collect(Collectors.joining(", "));
        String sosl = "FIND " + SoslEscaping.findTerm(number.digits()) + " IN PHONE FIELDS RETURNING " + returning;
        Map<String, SearchTarget> byObject = new LinkedHashMap<>();
        targets.forEach(target -> byObject.put(target.sobject(), target));
        List<Person> matches = new ArrayList<>();
        for (JsonNode record : client.search(sosl).path("searchRecords")) {
            SearchTarget target = byObject.get(record.path("attributes").path("type").asText());
            if (target != null && holdsNumber(record, target, number)) {
                matches.add(person(target, record));
            }
        }
        return matches;
    }

    private List<Person> queryStoredForms(String phone, PhoneNumber number, List<SearchTarget> targets) {
        String forms = PhoneNumbers.storedForms(phone).stream().map(SoqlEscaping::quote)
                .collect(Collectors.joining(", "));
        List<Person> matches = new ArrayList<>();
        for (SearchTarget target : targets) {
            String where = target.phoneFields().stream().map(field -> field + " IN (" + forms + ")")
                    .collect(Collectors.joining(" OR "));
            String soql = "SELECT " + selectList(target) + " FROM " + target.sobject() + " WHERE " + where
                    + " ORDER BY LastModifiedDate DESC LIMIT " + FALLBACK_LIMIT;
            for (JsonNode record : client.query(soql).path("records")) {
                if (holdsNumber(record, target, number)) {
                    matches.add(person(target, record));
                }
            }
        }
        return matches;
    }

    private static String selectList(SearchTarget target) {
        Set<String> fields = new LinkedHashSet<>(List.of("Id", "LastModifiedDate"));
        fields.addAll(target.phoneFields());
        return String.join(", ", fields);
    }

    /** Only the configured fields count: SOSL also matches other phone fields, such as HomePhone. */
    private static boolean holdsNumber(JsonNode record, SearchTarget target, PhoneNumber number) {
        return target.phoneFields().stream().map(field -> record.path(field))
                .filter(value -> value.isTextual())
                .anyMatch(value -> PhoneNumbers.parse(value.asText()).sameAs(number));
    }

    private static Person person(SearchTarget target, JsonNode record) {
        String modified = record.path("LastModifiedDate").asText(null);
        Instant lastModified = modified == null ? null : OffsetDateTime.parse(modified, SALESFORCE_DATETIME).toInstant();
        return new Person(target.sobject(), record.path("Id").asText(), lastModified);
    }

    private static String severalMatches(String phone, List<Person> matches) {
        String all = matches.stream().map(person -> person.sobject() + " " + person.id())
                .collect(Collectors.joining(", "));
        Person chosen = matches.get(0);
        return matches.size() + " records have phone " + phone + " (" + all + "); using " + chosen.sobject() + " "
                + chosen.id() + ", the most recently modified";
    }
}
