package io.switchboard.emulator.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ORDER BY with its null placement, LIMIT and OFFSET. */
class SoqlOrderAndLimitTest {
    private QueryService service;

    @BeforeEach
    void seed() {
        InMemoryRecords records = new InMemoryRecords(TestOrg.schema());
        service = new QueryService(records, TestOrg.CLOCK);
        records.insert("Account", "Name", "beta", "NumberOfEmployees", 20);
        records.insert("Account", "Name", "Alpha", "NumberOfEmployees", 100);
        records.insert("Account", "Name", "gamma");
        records.insert("Account", "Name", "Delta", "NumberOfEmployees", 20);
    }

    private List<String> names(String rest) {
        JsonNode answer = service.query("SELECT Name FROM Account " + rest, 2000, TestOrg.VERSION);
        List<String> names = new ArrayList<>();
        answer.get("records").forEach(record -> names.add(record.get("Name").asText()));
        return names;
    }

    @Test
    void shouldKeepStoredOrderWithoutOrderBy() {
        assertEquals(List.of("beta", "Alpha", "gamma", "Delta"), names(""));
    }

    @Test
    void shouldOrderTextWithoutRegardToCase() {
        assertEquals(List.of("Alpha", "beta", "Delta", "gamma"), names("ORDER BY Name"));
    }

    @Test
    void shouldOrderDescending() {
        assertEquals(List.of("gamma", "Delta", "beta", "Alpha"), names("ORDER BY Name DESC"));
    }

    @Test
    void shouldPutEmptyValuesFirstWhenAscendingByDefault() {
        assertEquals(List.of("gamma", "beta", "Delta", "Alpha"), names("ORDER BY NumberOfEmployees ASC"));
    }

    @Test
    void shouldPutEmptyValuesLastWhenDescendingByDefault() {
        assertEquals(List.of("Alpha", "beta", "Delta", "gamma"), names("ORDER BY NumberOfEmployees DESC"));
    }

    @Test
    void shouldHonourNullsLastAndNullsFirst() {
        assertEquals(List.of("beta", "Delta", "Alpha", "gamma"), names("ORDER BY NumberOfEmployees NULLS LAST"));
        assertEquals(List.of("gamma", "Alpha", "beta", "Delta"),
                names("ORDER BY NumberOfEmployees DESC NULLS FIRST"));
    }

    @Test
    void shouldOrderBySeveralFields() {
        assertEquals(List.of("gamma", "Delta", "beta", "Alpha"), names("ORDER BY NumberOfEmployees, Name DESC"));
    }

    @Test
    void shouldLimitTheResult() {
        JsonNode answer = service.query("SELECT Name FROM Account ORDER BY Name LIMIT 2", 2000, TestOrg.VERSION);

        assertEquals(2, answer.get("totalSize").asInt());
        assertEquals(List.of("Alpha", "beta"), names("ORDER BY Name LIMIT 2"));
    }

    @Test
    void shouldSkipWithOffsetAfterOrdering() {
        assertEquals(List.of("Delta", "gamma"), names("ORDER BY Name LIMIT 5 OFFSET 2"));
    }

    @Test
    void shouldAnswerNothingForAnOffsetPastTheEnd() {
        assertEquals(List.of(), names("OFFSET 10"));
    }

    @Test
    void shouldAcceptTheLargestOffset() {
        assertEquals(List.of(), names("OFFSET 2000"));
    }

    @Test
    void shouldRefuseAnOffsetOverTwoThousand() {
        Refusals.assertRefused(() -> names("OFFSET 2001"), "NUMBER_OUTSIDE_VALID_RANGE",
                "Maximum SOQL offset allowed is 2000");
    }

    @Test
    void shouldRefuseLimitBeforeOrderBy() {
        Refusals.assertRefused(() -> names("LIMIT 2 ORDER BY Name"), "MALFORMED_QUERY", "unexpected token: 'ORDER'");
    }

    @Test
    void shouldRefuseANegativeLimit() {
        Refusals.assertRefused(() -> names("LIMIT -1"), "MALFORMED_QUERY", "unexpected token: '-1'");
    }

    @Test
    void shouldRefuseOrderingByALongTextArea() {
        Refusals.assertRefused(() -> service.query("SELECT Id FROM Case ORDER BY Description", 2000, "60.0"),
                "INVALID_FIELD", "field 'Description' can not be sorted in a query call");
    }
}
