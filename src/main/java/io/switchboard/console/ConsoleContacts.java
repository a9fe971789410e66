package io.switchboard.console;

import static io.switchboard.console.Html.of;

import io.switchboard.api.HttpRequestParts;
import io.switchboard.store.ContactLink;
import io.switchboard.store.ContactLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * {@code /console/contacts}: the links between source contacts and Salesforce Contacts, found by the source contact
 * or by the Contact's Salesforce id, each with a form that unlinks it.
 */
public final class ConsoleContacts {
    /** Longer than any source's contact id or a Salesforce id: a longer value is refused, not searched. */
    static final int LONGEST_VALUE = 255;

    private final ContactLinks links;

    public ConsoleContacts(ContactLinks links) {
        this.links = links;
    }

    /** {@code GET /console/contacts?source=..&contactId=..} or {@code ?salesforceId=..}: the search and its links. */
    public void show(Exchange exchange) {
        ConsoleSessions.Session session = ConsoleExchange.session(exchange);
        String source = value(exchange, "source");
        String contactId = value(exchange, "contactId");
        String salesforceId = value(exchange, "salesforceId");
        List<Html> parts = new ArrayList<>();
        if ("1".equals(HttpRequestParts.query(exchange, "unlinked").orElse(null))) {
            parts.add(Layout.message("notice", "Unlinked."));
        }
        parts.add(searchForms(source, contactId, salesforceId));
        List<String> problems = problems(source, contactId, salesforceId);
        problems.forEach(problem -> parts.add(Layout.message("error", problem)));
        if (problems.isEmpty()) {
            if (!contactId.isEmpty()) {
                Optional<List<ContactLink>> found = links.linksOf(source, contactId);
                parts.add(found.isEmpty()
                        ? Layout.message("empty", "The store has never heard of source contact " + source + " / "
                                + contactId + ".")
                        : linkTable(found.get(), session));
            } else if (!salesforceId.isEmpty()) {
                parts.add(links.find(salesforceId).map(link -> linkTable(List.of(link), session))
                        .orElseGet(() -> Layout.message("empty", "No source contact is linked to " + salesforceId + ".")));
            }
        }
        ConsoleExchange.page(exchange, 200, Layout.page("Contact links", session, Html.join(parts)));
    }

    /** {@code POST /console/contacts/unlink}: removes the link, then shows the source contact's links left. */
    public void unlink(Exchange exchange) {
        Map<String, String> form = ConsoleAuth.checkedForm(exchange);
        String source = form.getOrDefault("source", "");
        String contactId = form.getOrDefault("contactId", "");
        String salesforceId = form.getOrDefault("salesforceId", "");
        List<String> problems = new ArrayList<>();
        require(problems, "source", source);
        require(problems, "contactId", contactId);
        require(problems, "salesforceId", salesforceId);
        if (!problems.isEmpty()) {
            throw new ConsoleRefusal(400, String.join("; ", problems));
        }
        if (!links.unlink(source, contactId, salesforceId)) {
            throw new ConsoleRefusal(404, "Source contact " + source + " / " + contactId + " has no link to "
                    + salesforceId + " (unlinked already?).");
        }
        ConsoleExchange.redirect(exchange, "/console/contacts?source=" + ConsoleEvents.encode(source) + "&contactId="
                + ConsoleEvents.encode(contactId) + "&unlinked=1");
    }

    private static String value(Exchange exchange, String name) {
        return HttpRequestParts.query(exchange, name).map(String::strip).orElse("");
    }

    private static List<String> problems(String source, String contactId, String salesforceId) {
        List<String> problems = new ArrayList<>();
        limit(problems, "source", source);
        limit(problems, "contactId", contactId);
        limit(problems, "salesforceId", salesforceId);
        if (!contactId.isEmpty() && source.isEmpty()) {
            problems.add("source: needed with contactId (the platform the contact id belongs to, e.g. cinnox)");
        }
        if (!contactId.isEmpty() && !salesforceId.isEmpty()) {
            problems.add("search by the source contact or by salesforceId, not both");
        }
        return problems;
    }

    private static void require(List<String> problems, String name, String value) {
        if (value.isEmpty()) {
            problems.add(name + ": required");
        }
        limit(problems, name, value);
    }

    private static void limit(List<String> problems, String name, String value) {
        if (value.length() > LONGEST_VALUE) {
            problems.add(name + ": must be at most " + LONGEST_VALUE + " characters");
        }
    }

    private static Html searchForms(String source, String contactId, String salesforceId) {
        return of("""
                <form method="get" action="/console/contacts" class="filter" id="by-source">
                <input name="source" placeholder="source, e.g. cinnox" value="{}">
                <input name="contactId" size="30" placeholder="source contact id" value="{}">
                <button>Find by source contact</button></form>
                <form method="get" action="/console/contacts" class="filter" id="by-salesforce-id">
                <input name="salesforceId" size="30" placeholder="Salesforce Contact id" value="{}">
                <button>Find by Salesforce id</button></form>
                """, source, contactId, salesforceId);
    }

    private static Html linkTable(List<ContactLink> found, ConsoleSessions.Session session) {
        if (found.isEmpty()) {
            return Layout.message("empty", "This source contact has no links.");
        }
        List<Html> rows = new ArrayList<>();
        for (ContactLink link : found) {
            rows.add(of("""
                    <tr><td>{}</td><td class="contact-id">{}</td><td class="salesforce-id">{}</td><td>{}</td><td>{}</td>
                    <td><form method="post" action="/console/contacts/unlink" class="inline">{}\
                    <input type="hidden" name="source" value="{}"><input type="hidden" name="contactId" value="{}">\
                    <input type="hidden" name="salesforceId" value="{}"><button class="unlink">Unlink</button></form></td></tr>
                    """, link.source(), link.contactId(), link.salesforceId(), link.how(), link.linkedAt(),
                    Layout.csrfField(session), link.source(), link.contactId(), link.salesforceId()));
        }
        return of("""
                <table class="links"><tr><th>source</th><th>contact id</th><th>Salesforce Contact</th><th>how</th>
                <th>linked at</th><th></th></tr>{}</table>
                """, Html.join(rows));
    }
}
