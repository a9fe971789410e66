package io.switchboard.emulator.query;

import static io.switchboard.emulator.query.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SOSL searches: term syntax, field scopes, phone matching and RETURNING clauses. */
class SoslSearchTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private InMemoryRecords records;
    private QueryService service;
    private String rossiId;

    @BeforeEach
    void seed() {
        records = new InMemoryRecords(TestOrg.schema());
        service = new QueryService(records, TestOrg.CLOCK);
        rossiId = records.insert("Contact", "FirstName", "Mario", "LastName", "Rossi", "Phone", "+39 333 123 4567",
                "Email", "Mario.Rossi@Example.com");
        records.insert("Contact", "FirstName", "Anna", "LastName", "Bianchi", "MobilePhone", "(333) 765-4321",
                "Email", "anna@example.org");
        records.insert("Lead", "LastName", "Verdi", "Company", "R&D Labs", "Phone", "3331234567");
        records.insert("Lead", "LastName", "Neri", "Company", "Rossi Trasporti", "Phone", "+44 20 7946 0000");
    }

    private JsonNode search(String sosl) {
        return service.search(sosl, TestOrg.VERSION);
    }

    private List<String> lastNames(String sosl) {
        List<String> names = new ArrayList<>();
        search(sosl).get("searchRecords").forEach(record -> names.add(record.get("LastName").asText()));
        return names;
    }

    @Test
    void shouldAnswerSearchRecordsWithAttributesAndTheRequestedFields() throws Exception {
        JsonNode answer = search("FIND {Mario} IN NAME FIELDS RETURNING Contact(Id, LastName)");

        assertEquals(mapper.readTree("""
                {"searchRecords":[{"attributes":{"type":"Contact","url":"/services/data/v60.0/sobjects/Contact/%s"},
                "Id":"%s","LastName":"Rossi"}]}
                """.formatted(rossiId, rossiId)), answer);
    }

    @Test
    void shouldAnswerOnlyTheIdForAnObjectWithoutFields() {
        JsonNode record = search("FIND {Mario} RETURNING Contact").get("searchRecords").get(0);

        assertEquals(List.of("attributes", "Id"), fieldNames(record));
        assertEquals(rossiId, record.get("Id").asText());
    }

    @Test
    void shouldFindAnInternationalNumberStoredWithSpacesFromItsCompactForm() {
        assertEquals(List.of("Rossi", "Verdi"),
                lastNames("FIND {\\+393331234567} IN PHONE FIELDS RETURNING Contact(LastName), Lead(LastName)"));
    }

    @Test
    void shouldFindANumberWrittenWithSpacesAndAPlus() {
        assertEquals(List.of("Rossi", "Verdi"),
                lastNames("FIND {\\+39 333 123 4567} IN PHONE FIELDS RETURNING Contact(LastName), Lead(LastName)"));
    }

    @Test
    void shouldFindTheInternationalFormFromTheNationalNumber() {
        assertEquals(List.of("Rossi", "Verdi"),
                lastNames("FIND {333 123 4567} IN PHONE FIELDS RETURNING Contact(LastName), Lead(LastName)"));
    }

    @Test
    void shouldMatchPunctuatedFormatsInAnyPhoneField() {
        assertEquals(List.of("Bianchi"), lastNames("FIND {\\(333\\) 765\\-4321} IN PHONE FIELDS RETURNING Contact(LastName)"));
    }

    @Test
    void shouldNotMatchAShortNumberAgainstTheEndOfALongerOne() {
        assertEquals(List.of(), lastNames("FIND {4567} IN PHONE FIELDS RETURNING Contact(LastName), Lead(LastName)"));
    }

    @Test
    void shouldNotMatchPhoneSearchesByWordsInOtherFields() {
        assertEquals(List.of(), lastNames("FIND {Rossi} IN PHONE FIELDS RETURNING Contact(LastName), Lead(LastName)"));
    }

    @Test
    void shouldMatchEmailsWithoutRegardToCase() {
        assertEquals(List.of("Rossi"), lastNames("FIND {mario.rossi@example.com} IN EMAIL FIELDS RETURNING Contact(LastName)"));
    }

    @Test
    void shouldSearchOnlyNameFieldsInNameScope() {
        assertEquals(List.of(), lastNames("FIND {example} IN NAME FIELDS RETURNING Contact(LastName)"));
        assertEquals(List.of("Neri"), lastNames("FIND {Trasporti} IN NAME FIELDS RETURNING Lead(LastName)"));
    }

    @Test
    void shouldSearchEveryTextFieldByDefault() {
        assertEquals(List.of("Rossi", "Neri"), lastNames("FIND {rossi} RETURNING Contact(LastName), Lead(LastName)"));
    }

    @Test
    void shouldMatchATrailingWildcard() {
        assertEquals(List.of("Rossi", "Neri"), lastNames("FIND {Ros*} RETURNING Contact(LastName), Lead(LastName)"));
    }

    @Test
    void shouldMatchAQuotedPhraseOnlyWithItsWordsInOrder() {
        assertEquals(List.of("Neri"), lastNames("FIND {\"rossi trasporti\"} RETURNING Contact(LastName), Lead(LastName)"));
        assertEquals(List.of(), lastNames("FIND {\"trasporti rossi\"} RETURNING Contact(LastName), Lead(LastName)"));
    }

    @Test
    void shouldRequireEveryWordOfTheTerm() {
        assertEquals(List.of("Rossi"), lastNames("FIND {mario rossi} RETURNING Contact(LastName), Lead(LastName)"));
    }

    @Test
    void shouldMatchEitherSideOfOr() {
        assertEquals(List.of("Bianchi", "Verdi"),
                lastNames("FIND {Anna OR Verdi} RETURNING Contact(LastName), Lead(LastName)"));
    }

    @Test
    void shouldExcludeWithAndNot() {
        assertEquals(List.of("Rossi"), lastNames("FIND {rossi AND NOT trasporti} RETURNING Contact(LastName), Lead(LastName)"));
    }

    @Test
    void shouldMatchAnEscapedReservedCharacterLiterally() {
        assertEquals(List.of("Verdi"), lastNames("FIND {R\\&D} RETURNING Lead(LastName)"));
    }

    @Test
    void shouldRefuseAnUnescapedReservedCharacter() {
        assertRefused(() -> search("FIND {R&D} RETURNING Lead(LastName)"), "MALFORMED_SEARCH",
                "mismatched character '&' expecting '}'");
    }

    @Test
    void shouldRefuseAnUnescapedPlusInAPhoneNumber() {
        assertRefused(() -> search("FIND {+393331234567} IN PHONE FIELDS RETURNING Contact"), "MALFORMED_SEARCH",
                "mismatched character '+' expecting '}'");
    }

    @Test
    void shouldRefuseAnUnescapedHyphen() {
        assertRefused(() -> search("FIND {anna-maria} RETURNING Contact"), "MALFORMED_SEARCH",
                "mismatched character '-' expecting '}'");
    }

    @Test
    void shouldRefuseAnUnclosedTerm() {
        assertRefused(() -> search("FIND {anna RETURNING Contact"), "MALFORMED_SEARCH",
                "mismatched character <EOF> expecting '}'");
    }

    @Test
    void shouldRefuseATermWithoutBraces() {
        assertRefused(() -> search("FIND anna RETURNING Contact"), "MALFORMED_SEARCH",
                "No search term found. The search term must be enclosed in braces.");
    }

    @Test
    void shouldRefuseASingleCharacterTerm() {
        assertRefused(() -> search("FIND {a*} RETURNING Contact"), "INVALID_SEARCH",
                "search term must be longer than one character");
    }

    @Test
    void shouldRefuseADanglingOperator() {
        assertRefused(() -> search("FIND {anna OR} RETURNING Contact"), "MALFORMED_SEARCH", "unexpected token: 'OR'");
    }

    @Test
    void shouldSeeNothingTheSearchIndexDoesNotHoldYet() {
        records.insertUnindexed("Contact", "LastName", "Gialli", "Phone", "+39 347 000 1111");

        assertEquals(List.of(), lastNames("FIND {\\+393470001111} IN PHONE FIELDS RETURNING Contact(LastName)"));
        assertEquals(1, service.query("SELECT Id FROM Contact WHERE LastName = 'Gialli'", 2000, "60.0")
                .get("totalSize").asInt());
    }

    @Test
    void shouldFilterReturnedRecordsWithWhere() {
        assertEquals(List.of("Verdi"),
                lastNames("FIND {\\+39 333 123 4567} IN PHONE FIELDS RETURNING Contact(LastName WHERE FirstName = 'Anna'), "
                        + "Lead(LastName WHERE Company LIKE 'R%')"));
    }

    @Test
    void shouldLimitEachReturnedObject() {
        assertEquals(List.of("Rossi", "Verdi"),
                lastNames("FIND {example OR 3331234567} RETURNING Contact(LastName LIMIT 1), Lead(LastName)"));
    }

    @Test
    void shouldOrderEachReturnedObject() {
        assertEquals(List.of("Rossi", "Bianchi"),
                lastNames("FIND {example} RETURNING Contact(LastName ORDER BY LastName DESC)"));
    }

    @Test
    void shouldLimitTheWholeAnswer() {
        assertEquals(List.of("Bianchi", "Rossi"),
                lastNames("FIND {example OR 3331234567} RETURNING Contact(LastName ORDER BY LastName), Lead(LastName) LIMIT 2"));
    }

    @Test
    void shouldAnswerReturnedObjectsInRequestedOrder() {
        assertEquals(List.of("Verdi", "Rossi"),
                lastNames("FIND {3331234567} IN PHONE FIELDS RETURNING Lead(LastName), Contact(LastName)"));
    }

    @Test
    void shouldRefuseAnUnknownReturnedObject() {
        assertRefused(() -> search("FIND {anna} RETURNING Contacts"), "INVALID_TYPE",
                "sObject type 'Contacts' is not supported. If you are attempting to use a custom object, be sure to "
                        + "append the '__c' after the entity name. Please reference your WSDL or the describe call for "
                        + "the appropriate names.");
    }

    @Test
    void shouldRefuseAnObjectThatIsNotSearchable() {
        assertRefused(() -> search("FIND {anna} RETURNING CaseComment"), "INVALID_TYPE",
                "entity type CaseComment does not support search");
    }

    @Test
    void shouldRefuseAnUnknownReturnedField() {
        assertRefused(() -> search("FIND {anna} RETURNING Contact(Nickname)"), "INVALID_FIELD",
                "No such column 'Nickname' on entity 'Contact'. If you are attempting to use a custom field, be sure "
                        + "to append the '__c' after the custom field name. Please reference your WSDL or the describe "
                        + "call for the appropriate names.");
    }

    @Test
    void shouldRefuseAnUnknownScope() {
        assertRefused(() -> search("FIND {anna} IN SIDEBAR FIELDS RETURNING Contact"), "MALFORMED_SEARCH",
                "unexpected token: 'SIDEBAR'");
    }

    @Test
    void shouldSearchEverySearchableObjectWithoutReturning() {
        JsonNode found = search("FIND {Verdi}").get("searchRecords");

        assertEquals(1, found.size());
        assertEquals("Lead", found.get(0).get("attributes").get("type").asText());
    }

    private static List<String> fieldNames(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
