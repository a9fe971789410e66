package io.switchboard.lookup;

import static io.switchboard.emulator.seed.SeededOrg.ACME_ACCOUNT_ID;
import static io.switchboard.emulator.seed.SeededOrg.GIULIA_VERDI_LEAD_ID;
import static io.switchboard.emulator.seed.SeededOrg.LUCA_BIANCHI_ID;
import static io.switchboard.emulator.seed.SeededOrg.MARIA_CONTI_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.switchboard.mapping.Person;
import io.switchboard.mapping.SearchModule;
import io.switchboard.mapping.SearchTarget;
import io.switchboard.testing.EmulatedOrg;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phone searches against the emulated org over HTTP: formats, search modules, several matches, the search lag. */
class FindPersonByPhoneTest {
    private static final List<SearchTarget> CONTACTS = List.of(new SearchTarget("Contact", List.of("Phone", "MobilePhone")));
    private static EmulatedOrg org;
    private static FindPersonByPhone finder;

    @BeforeAll
    static void start() {
        org = new EmulatedOrg();
        finder = new FindPersonByPhone(org.client());
    }

    @AfterAll
    static void stop() throws Exception {
        org.close();
    }

    @BeforeEach
    void reset() {
        org.admin().reset();
    }

    @Test
    void shouldFindAContactWhosePhoneIsStoredInAnotherFormat() {
        for (String phone : List.of("+393331234567", "+39 333 123 4567", "0039 333 1234567", "+39 (333) 123-4567")) {
            assertEquals(Optional.of(MARIA_CONTI_ID), foundId(phone, CONTACTS), phone);
        }
    }

    @Test
    void shouldSearchTheExtraFieldOnlyWhenConfigured() {
        assertEquals(Optional.of(LUCA_BIANCHI_ID), foundId("+39 347 111 2233", CONTACTS));
        assertEquals(Optional.empty(), foundId("+39 347 111 2233", SearchModule.CONTACT.targets(null)));
    }

    @Test
    void shouldSearchTheObjectsOfTheSearchModule() {
        String giulia = "+390612345678";
        assertEquals(Optional.empty(), foundId(giulia, SearchModule.CONTACT.targets("MobilePhone")));
        assertEquals(Optional.of(GIULIA_VERDI_LEAD_ID), foundId(giulia, SearchModule.CONTACT_LEAD.targets("MobilePhone")));
        assertEquals(Optional.of(GIULIA_VERDI_LEAD_ID), foundId(giulia, SearchModule.LEAD.targets(null)));
        String acme = "+442079460000";
        assertEquals(Optional.empty(), foundId(acme, SearchModule.CONTACT_LEAD.targets("MobilePhone")));
        assertEquals(Optional.of(ACME_ACCOUNT_ID), foundId(acme, SearchModule.CONTACT_LEAD_ACCOUNT.targets("MobilePhone")));
    }

    @Test
    void shouldDropSearchHitsWhoseDigitsDiffer() {
        org.client().create("Contact", JsonNodeFactory.instance.objectNode().put("LastName", "Near Miss")
                .put("Phone", "+39 333 123 45670"));
        PersonSearchResult result = finder.find("+393331234567", CONTACTS);
        assertEquals(List.of(MARIA_CONTI_ID), result.matches().stream().map(Person::id).toList());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void shouldTakeTheMostRecentlyModifiedOfSeveralMatchesAndWarn() {
        String newer = org.client().create("Contact", JsonNodeFactory.instance.objectNode().put("LastName", "Conti")
                .put("MobilePhone", "+393331234567")).path("id").asText();
        PersonSearchResult result = finder.find("+39 333 123 4567", CONTACTS);
        assertEquals(newer, result.found().orElseThrow().id());
        assertEquals(2, result.matches().size());
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0).startsWith("2 records have phone +39 333 123 4567 (Contact " + newer
                + ", Contact " + MARIA_CONTI_ID + "); using Contact " + newer), result.warnings().get(0));
    }

    @Test
    void shouldFindAContactTheSearchIndexDoesNotHoldYetByItsStoredForm() {
        org.admin().searchLagMillis(60_000);
        String fresh = org.client().create("Contact", JsonNodeFactory.instance.objectNode().put("LastName", "Fresh")
                .put("Phone", "+14155550123")).path("id").asText();
        org.admin().clearRequests();
        assertEquals(Optional.of(fresh), foundId("+1 415 555 0123", CONTACTS));
        assertEquals(1, org.calls("GET /search"));
        assertEquals(1, org.calls("GET /query"));
    }

    @Test
    void shouldMatchNothingForAPhoneThatTriesToWidenTheQuery() {
        org.admin().searchLagMillis(60_000);
        PersonSearchResult result = finder.find("4155550100' OR Phone != '", CONTACTS);
        assertEquals(List.of(), result.matches());
        assertEquals(1, org.calls("GET /query"));
    }

    @Test
    void shouldSearchForAnEscapedTermLiterallyWithoutWideningTheSearch() {
        String found = "FIND " + SoslEscaping.findTerm("Maria") + " IN ALL FIELDS RETURNING Contact(Id)";
        assertEquals(1, org.client().search(found).path("searchRecords").size());
        String hostile = "FIND " + SoslEscaping.findTerm("x\\\" OR Maria} RETURNING User(Id")
                + " IN ALL FIELDS RETURNING Contact(Id)";
        assertEquals(0, org.client().search(hostile).path("searchRecords").size());
    }

    @Test
    void shouldNotSearchForANumberTooShortToMeanAnyone() {
        org.admin().clearRequests();
        PersonSearchResult result = finder.find("+39 12", CONTACTS);
        assertEquals(List.of(), result.matches());
        assertTrue(result.warnings().get(0).contains("fewer than 7 digits"), result.warnings().toString());
        assertEquals(0, org.calls("GET /search"));
    }

    private static Optional<String> foundId(String phone, List<SearchTarget> targets) {
        return finder.find(phone, targets).found().map(Person::id);
    }
}
