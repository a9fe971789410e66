package io.switchboard.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.ApiRefusal;
import io.switchboard.api.FieldProblem;
import io.switchboard.api.HttpRequestParts;
import io.switchboard.api.JsonAnswers;
import io.switchboard.lookup.FindPersonByPhone;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.mapping.Person;
import io.switchboard.mapping.SearchTarget;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.store.ContactLink;
import io.switchboard.store.ContactLinks;
import io.switchboard.store.LinkResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;

/**
 * The links and search API: a source contact's links, a link made or removed by hand (the limits kept by the store),
 * and Salesforce Contacts searched by phone (whatever the formatting), email or name, each with the source contact
 * it is linked to.
 */
public final class ContactsApi {
    static final int SEARCH_LIMIT = 20;
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_SEARCH_LENGTH = 200;
    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    private final Supplier<ContactSync> sync;
    private final ContactLinks links;
    private final SalesforceClients clients;

    ContactsApi(Supplier<ContactSync> sync, ContactLinks links, SalesforceClients clients) {
        this.sync = sync;
        this.links = links;
        this.clients = clients;
    }

    /** {@code GET /contacts/{source}/{contactId}} */
    public void show(Exchange exchange) {
        String source = id(exchange, "source");
        String contactId = id(exchange, "contactId");
        List<ContactLink> held = links.linksOf(source, contactId).orElseThrow(() -> ApiRefusal.of(404, "not_found",
                "no links are known for " + source + " contact " + contactId));
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("source", source).put("contactId", contactId);
        ArrayNode linked = answer.putArray("links");
        held.forEach(link -> linked.addObject().put("salesforceId", link.salesforceId())
                .put("linkedAt", link.linkedAt().toString()).put("how", link.how().toString()));
        JsonAnswers.write(exchange, 200, answer);
    }

    /** {@code PUT /contacts/{source}/{contactId}/links/{salesforceContactId}} */
    public void link(Exchange exchange) {
        String source = id(exchange, "source");
        String contactId = id(exchange, "contactId");
        String salesforceId = existingContact(exchange, HttpRequestParts.path(exchange, "salesforceContactId"));
        LinkResult result = links.link(source, contactId, salesforceId, ContactLink.How.MANUAL);
        switch (result.outcome()) {
            case LINKED -> JsonAnswers.write(exchange, 201, linkJson(links.find(salesforceId).orElseThrow()));
            case ALREADY_LINKED -> JsonAnswers.write(exchange, 200, linkJson(result.existing().orElseThrow()));
            case LINKED_ELSEWHERE -> {
                ContactLink other = result.existing().orElseThrow();
                ObjectNode answer = JsonNodeFactory.instance.objectNode().put("error", "already_linked")
                        .put("message", "Contact " + salesforceId + " is linked to " + other.source() + " contact "
                                + other.contactId() + "; a Contact is linked to one source contact at most");
                answer.putObject("linkedTo").put("source", other.source()).put("contactId", other.contactId());
                throw ApiRefusal.withBody(409, answer);
            }
            case LIMIT_REACHED -> throw ApiRefusal.of(409, "link_limit", source + " contact " + contactId
                    + " is linked to " + LinkResult.MAX_LINKS + " Contacts, the most it may be");
        }
    }

    /** {@code DELETE /contacts/{source}/{contactId}/links/{salesforceContactId}} */
    public void unlink(Exchange exchange) {
        String source = id(exchange, "source");
        String contactId = id(exchange, "contactId");
        String salesforceId = HttpRequestParts.path(exchange, "salesforceContactId");
        if (!SALESFORCE_ID.matcher(salesforceId).matches() || !links.unlink(source, contactId, salesforceId)) {
            throw ApiRefusal.of(404, "not_found", source + " contact " + contactId + " has no link to " + salesforceId);
        }
        JsonAnswers.write(exchange, 204, null);
    }

    /** {@code GET /contacts/search?phone=..} (or {@code email}, or {@code name}): up to twenty Contacts. */
    public void search(Exchange exchange) {
        Map<String, String> asked = new LinkedHashMap<>();
        for (String name : List.of("phone", "email", "name")) {
            HttpRequestParts.query(exchange, name).map(String::strip).filter(value -> !value.isEmpty())
                    .ifPresent(value -> asked.put(name, value));
        }
        if (asked.size() != 1) {
            throw ApiRefusal.problems("invalid_request", List.of(new FieldProblem("query",
                    "give exactly one of phone, email or name, e.g. /contacts/search?phone=%2B393331234567")));
        }
        Map.Entry<String, String> by = asked.entrySet().iterator().next();
        if (by.getValue().length() > MAX_SEARCH_LENGTH) {
            throw ApiRefusal.problems("invalid_request", List.of(new FieldProblem(by.getKey(),
                    "must be at most " + MAX_SEARCH_LENGTH + " characters")));
        }
        SalesforceClient client = client(exchange);
        ContactSync settings = sync.get();
        String select = "SELECT " + String.join(", ", selectFields(settings)) + " FROM Contact WHERE ";
        List<JsonNode> found = switch (by.getKey()) {
            case "phone" -> byIds(client, select, byPhone(client, settings, by.getValue()));
            case "email" -> records(client, select + anyField(settings.emailFields(), SoqlEscaping.quote(by.getValue()))
                    + " ORDER BY LastModifiedDate DESC LIMIT " + SEARCH_LIMIT);
            default -> records(client, select + "Name LIKE '%" + likeEscape(by.getValue()) + "%'"
                    + " ORDER BY LastModifiedDate DESC LIMIT " + SEARCH_LIMIT);
        };
        JsonAnswers.write(exchange, 200, answer(found, settings));
    }

    private static List<String> byPhone(SalesforceClient client, ContactSync settings, String phone) {
        if (settings.phoneFields().isEmpty()) {
            return List.of();
        }
        return new FindPersonByPhone(client).find(phone, List.of(new SearchTarget(ContactSteps.CONTACT,
                settings.phoneFields()))).matches().stream().map(Person::id).limit(SEARCH_LIMIT).toList();
    }

    private static List<JsonNode> byIds(SalesforceClient client, String select, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return records(client, select + "Id IN (" + ids.stream().map(SoqlEscaping::quote).collect(Collectors.joining(", "))
                + ") ORDER BY LastModifiedDate DESC LIMIT " + SEARCH_LIMIT);
    }

    private static String anyField(List<String> fields, String quoted) {
        if (fields.isEmpty()) {
            return "Id = null";
        }
        return "(" + fields.stream().map(field -> field + " = " + quoted).collect(Collectors.joining(" OR ")) + ")";
    }

    private static List<JsonNode> records(SalesforceClient client, String soql) {
        List<JsonNode> records = new ArrayList<>();
        client.query(soql).path("records").forEach(records::add);
        return records;
    }

    private static Set<String> selectFields(ContactSync settings) {
        Set<String> fields = new LinkedHashSet<>(List.of("Id", "Name"));
        fields.addAll(settings.phoneFields());
        fields.addAll(settings.emailFields());
        return fields;
    }

    private ObjectNode answer(List<JsonNode> found, ContactSync settings) {
        Map<String, ContactLink> linked = links.linksOfContacts(found.stream().map(record -> record.path("Id").asText())
                .toList());
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode contacts = answer.putArray("contacts");
        for (JsonNode record : found) {
            String id = record.path("Id").asText();
            ObjectNode contact = contacts.addObject().put("salesforceId", id).put("name", record.path("Name").asText(null));
            ArrayNode phones = contact.putArray("phones");
            settings.phoneFields().stream().map(field -> record.path(field)).filter(JsonNode::isTextual)
                    .forEach(phones::add);
            ArrayNode emails = contact.putArray("emails");
            settings.emailFields().stream().map(field -> record.path(field)).filter(JsonNode::isTextual)
                    .forEach(emails::add);
            ContactLink link = linked.get(id);
            if (link == null) {
                contact.putNull("linkedTo");
            } else {
                contact.putObject("linkedTo").put("source", link.source()).put("contactId", link.contactId());
            }
        }
        return answer;
    }

    /** The Contact's 18-character id as Salesforce gives it; 404 when the org has no such Contact. */
    private String existingContact(Exchange exchange, String salesforceId) {
        Optional<String> id = Optional.empty();
        if (SALESFORCE_ID.matcher(salesforceId).matches()) {
            JsonNode records = client(exchange).query("SELECT Id FROM Contact WHERE Id = "
                    + SoqlEscaping.quote(salesforceId) + " LIMIT 1").path("records");
            id = records.isEmpty() ? Optional.empty() : Optional.of(records.get(0).path("Id").asText());
        }
        return id.orElseThrow(() -> ApiRefusal.of(404, "not_found", "Salesforce has no Contact " + salesforceId));
    }

    private static ObjectNode linkJson(ContactLink link) {
        return JsonNodeFactory.instance.objectNode().put("source", link.source()).put("contactId", link.contactId())
                .put("salesforceId", link.salesforceId()).put("linkedAt", link.linkedAt().toString())
                .put("how", link.how().toString());
    }

    private SalesforceClient client(Exchange exchange) {
        return clients.forConnection(exchange.getContext(), sync.get().connection());
    }

    private static String id(Exchange exchange, String name) {
        String value = HttpRequestParts.path(exchange, name);
        if (value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw ApiRefusal.problems("invalid_request", List.of(new FieldProblem(name,
                    "must be 1 to " + MAX_ID_LENGTH + " characters")));
        }
        return value;
    }

    /** LIKE's own wildcards in a name are searched as the characters they are. */
    private static String likeEscape(String text) {
        return SoqlEscaping.escape(text).replace("%", "\\%").replace("_", "\\_");
    }
}
