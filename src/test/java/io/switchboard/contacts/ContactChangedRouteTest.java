package io.switchboard.contacts;

import static io.switchboard.contacts.ContactEvents.change;
import static io.switchboard.contacts.ContactEvents.get;
import static io.switchboard.contacts.ContactEvents.records;
import static io.switchboard.contacts.ContactEvents.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.EngineAgainstEmulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shipped contact-changed route and config/contact-sync.yaml, fed over HTTP, against the emulated org. */
class ContactChangedRouteTest {
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().resettingOrgBeforeEach();

    /** The org is reset before each test; the links the engine keeps of the last test go with it. */
    @BeforeEach
    void forgetLinks() {
        ContactEvents.forgetLinks(rig.engine());
    }

    private static Map<String, Object> contact(String id) {
        return rig.emulator().admin().records("Contact").stream().filter(record -> id.equals(record.get("Id")))
                .findFirst().orElse(null);
    }

    private static long contactCount() {
        return rig.emulator().admin().records("Contact").size();
    }

    @Test
    void shouldCreateAContactFromTheMappedFieldsWhenNobodyMatchesAndLinkIt() throws Exception {
        long before = contactCount();
        ObjectNode event = change("ext-new-1", "created", "2026-11-20T10:00:00Z", List.of("+44 20 7000 1111",
                "+44 7700 900123"), List.of("new.person@example.com"));
        ((ObjectNode) event.path("contact")).put("company", "Not Mapped Srl").putObject("fields").put("customerTier", "gold");

        JsonNode done = run(rig.engine(), event);

        assertEquals("done", done.path("status").asText(), done.toString());
        String id = done.path("records").path(0).path("id").asText();
        assertEquals(List.of("Contact " + id + " created"), records(done));
        assertEquals(before + 1, contactCount());
        Map<String, Object> created = contact(id);
        assertEquals("Maria", created.get("FirstName"));
        assertEquals("Conti", created.get("LastName"));
        assertEquals("+44 20 7000 1111", created.get("Phone"));
        assertEquals("+44 7700 900123", created.get("MobilePhone"));
        assertEquals("new.person@example.com", created.get("Email"));
        assertEquals(null, created.get("Department"), "company is not mapped by default, so it does not move");
        JsonNode links = get(rig.engine(), "/contacts/cinnox/ext-new-1");
        assertEquals(id, links.path("links").path(0).path("salesforceId").asText(), links.toString());
        assertEquals("created", links.path("links").path(0).path("how").asText());
    }

    @Test
    void shouldLinkTheContactsThatHoldAPhoneInAnotherFormatOrAnEmailRatherThanCreateOne() throws Exception {
        long before = contactCount();
        // Maria is stored as +39 333 123 4567, Luca's mobile as +393471112233
        JsonNode done = run(rig.engine(), change("ext-match", "created", "2026-11-20T10:00:00Z",
                List.of("+393331234567", "+39 347-111-2233"), List.of()));

        assertEquals("done", done.path("status").asText(), done.toString());
        assertEquals(before, contactCount(), "nothing created");
        assertEquals(2, records(done).size(), done.toString());
        assertTrue(records(done).containsAll(List.of("Contact " + SeededOrg.MARIA_CONTI_ID + " linked",
                "Contact " + SeededOrg.LUCA_BIANCHI_ID + " linked")), done.toString());
        assertEquals(2, get(rig.engine(), "/contacts/cinnox/ext-match").path("links").size());

        JsonNode byEmail = run(rig.engine(), change("ext-by-email", "updated", "2026-11-20T10:00:00Z", List.of(),
                List.of("maria.conti@example.com")));
        assertEquals("done", byEmail.path("status").asText(), byEmail.toString());
        // Maria is linked to ext-match, so nobody is free to link: a Contact of its own is created
        assertEquals(1, records(byEmail).size(), byEmail.toString());
        assertTrue(records(byEmail).get(0).endsWith(" created"), byEmail.toString());
        assertEquals(before + 1, contactCount());
    }

    @Test
    void shouldLinkTheTenNewestOfElevenMatchesAndSaySo() throws Exception {
        for (int n = 0; n < 11; n++) {
            rig.emulator().admin().insertRecord("Contact", Map.of("LastName", "Same " + n, "Phone", "+44 161 496 0000"));
            rig.emulator().admin().advanceClock(java.time.Duration.ofSeconds(1));
        }

        JsonNode done = run(rig.engine(), change("ext-many", "created", "2026-11-20T10:00:00Z",
                List.of("+441614960000"), List.of()));

        assertEquals(10, records(done).size(), done.toString());
        assertTrue(done.path("warnings").toString().contains("11 Contacts match cinnox contact ext-many"), done.toString());
        String oldest = rig.emulator().admin().records("Contact").stream()
                .filter(record -> "Same 0".equals(record.get("LastName"))).findFirst().orElseThrow().get("Id").toString();
        assertTrue(records(done).stream().noneMatch(line -> line.contains(oldest)), "the oldest is left out");
    }

    @Test
    void shouldUpdateEveryLinkedContactInOneRequest() throws Exception {
        run(rig.engine(), change("ext-two", "created", "2026-11-20T10:00:00Z",
                List.of("+39 333 123 4567", "+393471112233"), List.of()));
        rig.emulator().admin().clearRequests();
        ObjectNode update = change("ext-two", "updated", "2099-01-01T00:00:00Z", List.of("+39 333 123 4567"),
                List.of("maria.new@example.com"));
        ((ObjectNode) update.path("contact")).put("firstName", "Mariella");

        JsonNode done = run(rig.engine(), update);

        assertEquals("done", done.path("status").asText(), done.toString());
        assertEquals(List.of("Contact " + SeededOrg.MARIA_CONTI_ID + " updated", "Contact " + SeededOrg.LUCA_BIANCHI_ID
                + " updated"), records(done).stream().sorted().toList());
        assertEquals("Mariella", contact(SeededOrg.MARIA_CONTI_ID).get("FirstName"));
        assertEquals("Mariella", contact(SeededOrg.LUCA_BIANCHI_ID).get("FirstName"));
        assertEquals("maria.new@example.com", contact(SeededOrg.LUCA_BIANCHI_ID).get("Email"));
        assertEquals("+393471112233", contact(SeededOrg.LUCA_BIANCHI_ID).get("MobilePhone"),
                "a value the source leaves out is not cleared");
        long writes = rig.emulator().admin().requests().stream()
                .filter(request -> !request.method().equals("GET") && request.path().contains("/services/data/")).count();
        assertEquals(1, writes, rig.emulator().admin().requests().toString());
    }

    @Test
    void shouldKeepSalesforcesValueOfABothWaysFieldChangedAfterTheSourcesChangeAndNameIt() throws Exception {
        run(rig.engine(), change("ext-newest", "created", "2026-11-20T10:00:00Z", List.of("+39 333 123 4567"), List.of()));
        rig.emulator().admin().updateRecordAs(SeededOrg.AGENT_EMAIL, "Contact", SeededOrg.MARIA_CONTI_ID,
                Map.of("FirstName", "Marietta"));
        String salesforceChange = contact(SeededOrg.MARIA_CONTI_ID).get("LastModifiedDate").toString();
        ObjectNode stale = change("ext-newest", "updated", "2026-01-01T00:00:00Z", List.of("+39 333 123 4567"), List.of());
        ((ObjectNode) stale.path("contact")).put("firstName", "Maria Older");

        JsonNode done = run(rig.engine(), stale);

        assertEquals("done", done.path("status").asText(), done.toString());
        assertEquals("Marietta", contact(SeededOrg.MARIA_CONTI_ID).get("FirstName"), "the newer Salesforce change wins");
        assertEquals(List.of(), records(done));
        String warnings = done.path("warnings").toString();
        assertTrue(warnings.contains("FirstName of Contact " + SeededOrg.MARIA_CONTI_ID + " kept Salesforce's value"),
                warnings);
        assertTrue(salesforceChange.startsWith("20"), salesforceChange);

        ObjectNode newer = change("ext-newest", "updated", "2099-01-01T00:00:00Z", List.of("+39 333 123 4567"), List.of());
        ((ObjectNode) newer.path("contact")).put("firstName", "Maria Newer");
        assertEquals(List.of("Contact " + SeededOrg.MARIA_CONTI_ID + " updated"), records(run(rig.engine(), newer)));
        assertEquals("Maria Newer", contact(SeededOrg.MARIA_CONTI_ID).get("FirstName"));
    }

    @Test
    void shouldUnlinkButKeepTheContactsWhenTheSourceContactIsDeleted() throws Exception {
        run(rig.engine(), change("ext-gone", "created", "2026-11-20T10:00:00Z", List.of("+39 333 123 4567"), List.of()));

        JsonNode done = run(rig.engine(), change("ext-gone", "deleted", "2026-11-21T10:00:00Z", List.of(), List.of()));

        assertEquals("done", done.path("status").asText(), done.toString());
        assertEquals(List.of("Contact " + SeededOrg.MARIA_CONTI_ID + " unlinked"), records(done));
        assertEquals(404, rig.engine().get("/contacts/cinnox/ext-gone").statusCode());
        assertEquals("Maria", contact(SeededOrg.MARIA_CONTI_ID).get("FirstName"), "the Contact stays");
    }

    @Test
    void shouldUnlinkAContactDeletedInSalesforceWhenTheSourceChangesAgain() throws Exception {
        run(rig.engine(), change("ext-sf-gone", "created", "2026-11-20T10:00:00Z", List.of("+39 333 123 4567"), List.of()));
        rig.emulator().admin().deleteRecordAs(SeededOrg.AGENT_EMAIL, "Contact", SeededOrg.MARIA_CONTI_ID);

        JsonNode done = run(rig.engine(), change("ext-sf-gone", "updated", "2099-01-01T00:00:00Z",
                List.of("+39 333 123 4567"), List.of()));

        assertEquals("done", done.path("status").asText(), done.toString());
        assertEquals(List.of("Contact " + SeededOrg.MARIA_CONTI_ID + " unlinked"), records(done));
        assertEquals(0, get(rig.engine(), "/contacts/cinnox/ext-sf-gone").path("links").size());
    }

    @Test
    void shouldSkipAnotherPlatformsContacts() throws Exception {
        ObjectNode other = change("ext-x", "created", "2026-11-20T10:00:00Z", List.of("+39 333 123 4567"), List.of());
        other.put("source", "xcally");

        JsonNode done = run(rig.engine(), other);

        assertEquals("skipped", done.path("status").asText(), done.toString());
        assertEquals("contact sync is configured for source cinnox, not xcally", done.path("error").path("message").asText());
    }

    @Test
    void shouldRefuseABadEventNamingEveryField() throws Exception {
        ObjectNode bad = change("ext-bad", "renamed", "yesterday", List.of("call me"), List.of("not-an-email"));
        bad.put("source", " ");
        var answer = rig.engine().postEvent("contact-changed", bad.toString());

        assertEquals(400, answer.statusCode(), answer.body());
        Map<String, String> problems = new HashMap<>();
        ContactEvents.JSON.readTree(answer.body()).path("problems").forEach(problem ->
                problems.put(problem.path("field").asText(), problem.path("message").asText()));
        assertEquals(Map.of("source", "must not be blank",
                "change", "must be one of created, updated, deleted",
                "changedAt", "must be an ISO-8601 timestamp with zone, e.g. 2026-11-20T10:01:07Z",
                "contact.phones[0]", "must be a phone number: digits, spaces and + ( ) - . / only, e.g. +39 333 123 4567",
                "contact.emails[0]", "must be an email address, e.g. agent@example.com"), problems);

        ObjectNode noContact = change("ext-bad", "created", "2026-11-20T10:00:00Z", List.of(), List.of());
        noContact.remove("contact");
        answer = rig.engine().postEvent("contact-changed", noContact.toString());
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"field\":\"contact\""), answer.body());
        assertTrue(answer.body().contains("is required when change is created"), answer.body());
    }

    @Test
    void shouldAnswerTheSameEventAsADuplicateByItsDerivedKey() throws Exception {
        ObjectNode event = change("ext-dup", "created", "2026-11-20T10:00:00Z", List.of("+39 333 123 4567"), List.of());
        run(rig.engine(), event);

        var again = rig.engine().postEvent("contact-changed", event.toString());

        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"duplicate\""), again.body());
    }
}
