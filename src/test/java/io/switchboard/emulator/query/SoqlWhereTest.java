package io.switchboard.emulator.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WHERE operators, their handling of empty fields, and how AND, OR and NOT combine. */
class SoqlWhereTest {
    private InMemoryRecords records;
    private QueryService service;
    private String acmeId;

    @BeforeEach
    void seed() {
        records = new InMemoryRecords(TestOrg.schema());
        service = new QueryService(records, TestOrg.CLOCK);
        acmeId = records.insert("Account", "Name", "Acme", "NumberOfEmployees", 50, "AnnualRevenue", 1000.5);
        records.insert("Account", "Name", "Globex", "NumberOfEmployees", 9, "AnnualRevenue", 20.0);
        records.insert("Account", "Name", "Initech", "NumberOfEmployees", 300);
        records.insert("Account", "Name", "Umbrella_Corp");
        records.insert("Account", "Name", "100% Fresh");
    }

    private List<String> names(String where) {
        JsonNode answer = service.query("SELECT Name FROM Account WHERE " + where, 2000, TestOrg.VERSION);
        List<String> names = new ArrayList<>();
        answer.get("records").forEach(record -> names.add(record.get("Name").asText()));
        return names;
    }

    @Test
    void shouldCompareTextForEqualityWithoutRegardToCase() {
        assertEquals(List.of("Acme"), names("Name = 'ACME'"));
    }

    @Test
    void shouldIncludeEmptyFieldsInNotEqual() {
        assertEquals(List.of("Acme", "Globex", "Umbrella_Corp", "100% Fresh"), names("NumberOfEmployees != 300"));
    }

    @Test
    void shouldTreatTheSqlStyleNotEqualLikeBangEquals() {
        assertEquals(names("Name != 'Acme'"), names("Name <> 'Acme'"));
    }

    @Test
    void shouldCompareNumbersNumerically() {
        assertEquals(List.of("Acme", "Initech"), names("NumberOfEmployees > 10"));
        assertEquals(List.of("Acme", "Initech"), names("NumberOfEmployees >= 50"));
        assertEquals(List.of("Globex"), names("NumberOfEmployees < 50"));
        assertEquals(List.of("Acme", "Globex"), names("NumberOfEmployees <= 50"));
    }

    @Test
    void shouldCompareDecimalsWithIntegerLiterals() {
        assertEquals(List.of("Globex"), names("AnnualRevenue = 20"));
        assertEquals(List.of("Acme"), names("AnnualRevenue > 1000.25"));
    }

    @Test
    void shouldNeverCallAnEmptyFieldLessOrGreater() {
        assertEquals(List.of("Globex"), names("NumberOfEmployees < 10"));
    }

    @Test
    void shouldFindEmptyFieldsWithEqualsNull() {
        assertEquals(List.of("Umbrella_Corp", "100% Fresh"), names("NumberOfEmployees = null"));
    }

    @Test
    void shouldFindSetFieldsWithNotEqualsNull() {
        assertEquals(List.of("Acme", "Globex", "Initech"), names("NumberOfEmployees != NULL"));
    }

    @Test
    void shouldJoinWithAnd() {
        assertEquals(List.of("Acme"), names("NumberOfEmployees > 10 AND NumberOfEmployees < 100"));
    }

    @Test
    void shouldJoinWithOr() {
        assertEquals(List.of("Acme", "Initech"), names("Name = 'Acme' or Name = 'Initech'"));
    }

    @Test
    void shouldNegateWithNot() {
        assertEquals(List.of("Globex", "Initech", "Umbrella_Corp", "100% Fresh"), names("NOT Name = 'Acme'"));
    }

    @Test
    void shouldLetParenthesesDecideTheOrderOfAndAndOr() {
        assertEquals(List.of("Acme", "Initech"),
                names("(Name = 'Acme' AND NumberOfEmployees = 50) OR NumberOfEmployees = 300"));
        assertEquals(List.of("Acme"),
                names("Name = 'Acme' AND (NumberOfEmployees = 50 OR NumberOfEmployees = 300)"));
    }

    @Test
    void shouldApplyNotToAWholeParenthesisedGroup() {
        assertEquals(List.of("Umbrella_Corp", "100% Fresh"),
                names("NOT (NumberOfEmployees = 50 OR NumberOfEmployees = 9 OR NumberOfEmployees = 300)"));
    }

    @Test
    void shouldRefuseAndAndOrSideBySideWithoutParentheses() {
        Refusals.assertRefused(() -> names("Name = 'Acme' AND NumberOfEmployees = 50 OR Name = 'Globex'"),
                "MALFORMED_QUERY", "unexpected token: 'OR'");
    }

    @Test
    void shouldMatchLikeWithPercentForAnyRun() {
        assertEquals(List.of("Globex"), names("Name LIKE '%lob%'"));
        assertEquals(List.of("Initech"), names("Name LIKE 'Ini%'"));
    }

    @Test
    void shouldMatchLikePatternsCaseInsensitively() {
        assertEquals(List.of("Acme"), names("Name LIKE 'ac%'"));
        assertEquals(List.of("Initech"), names("Name LIKE '%ECH'"));
    }

    @Test
    void shouldMatchLikeUnderscoreAsExactlyOneCharacter() {
        assertEquals(List.of("Acme"), names("Name LIKE 'Ac_e'"));
        assertEquals(List.of(), names("Name LIKE 'Ac_'"));
    }

    @Test
    void shouldMatchEscapedLikeWildcardsLiterally() {
        assertEquals(List.of("Umbrella_Corp"), names("Name LIKE '%\\_%'"));
        assertEquals(List.of("100% Fresh"), names("Name LIKE '100\\%%'"));
    }

    @Test
    void shouldMatchAnyValueOfAnInList() {
        assertEquals(List.of("Acme", "Initech"), names("Name IN ('initech', 'Acme', 'Nobody')"));
    }

    @Test
    void shouldMatchNumbersInAnInList() {
        assertEquals(List.of("Globex", "Initech"), names("NumberOfEmployees IN (9, 300)"));
    }

    @Test
    void shouldIncludeEmptyFieldsInNotIn() {
        assertEquals(List.of("Acme", "Umbrella_Corp", "100% Fresh"), names("NumberOfEmployees NOT IN (9, 300)"));
    }

    @Test
    void shouldMatchNullInsideAnInList() {
        assertEquals(List.of("Globex", "Umbrella_Corp", "100% Fresh"), names("NumberOfEmployees IN (9, null)"));
    }

    @Test
    void shouldCompareIdsByTheirFifteenCharacterForm() {
        String fifteen = acmeId.substring(0, 15);

        assertEquals(List.of("Acme"), names("Id = '" + fifteen + "'"));
        assertEquals(List.of("Acme"), names("Id IN ('" + acmeId + "')"));
    }

    @Test
    void shouldCompareBooleans() {
        records.insert("Contact", "LastName", "Opted", "HasOptedOutOfEmail", true);
        records.insert("Contact", "LastName", "Open", "HasOptedOutOfEmail", false);

        JsonNode answer = service.query("SELECT LastName FROM Contact WHERE HasOptedOutOfEmail = TRUE", 2000,
                TestOrg.VERSION);

        assertEquals(1, answer.get("totalSize").asInt());
        assertEquals("Opted", answer.get("records").get(0).get("LastName").asText());
    }
}
