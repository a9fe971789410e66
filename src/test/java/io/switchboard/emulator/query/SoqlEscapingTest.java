package io.switchboard.emulator.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Escaped literals are data: whatever they hold, nothing in them is ever read as part of the query. */
class SoqlEscapingTest {
    private QueryService service;

    @BeforeEach
    void seed() {
        InMemoryRecords records = new InMemoryRecords(TestOrg.schema());
        service = new QueryService(records, TestOrg.CLOCK);
        records.insert("Contact", "LastName", "O'Brien");
        records.insert("Contact", "LastName", "Rossi");
        records.insert("Contact", "LastName", "back\\slash");
        records.insert("Contact", "LastName", "two\nlines");
        records.insert("Contact", "LastName", "say \"hi\"");
    }

    private List<String> names(String where) {
        JsonNode answer = service.query("SELECT LastName FROM Contact WHERE " + where, 2000, TestOrg.VERSION);
        List<String> names = new ArrayList<>();
        answer.get("records").forEach(record -> names.add(record.get("LastName").asText()));
        return names;
    }

    @Test
    void shouldFindNothingForAnEscapedInjectionAttempt() {
        assertEquals(List.of(), names("LastName = '\\' OR LastName != \\''"));
    }

    @Test
    void shouldMatchAValueHoldingAQuoteThroughAnEscapedQuote() {
        assertEquals(List.of("O'Brien"), names("LastName = 'O\\'Brien'"));
    }

    @Test
    void shouldMatchAnEscapedBackslash() {
        assertEquals(List.of("back\\slash"), names("LastName = 'back\\\\slash'"));
    }

    @Test
    void shouldMatchAnEscapedNewline() {
        assertEquals(List.of("two\nlines"), names("LastName = 'two\\nlines'"));
    }

    @Test
    void shouldMatchEscapedDoubleQuotes() {
        assertEquals(List.of("say \"hi\""), names("LastName = 'say \\\"hi\\\"'"));
    }

    @Test
    void shouldMatchAUnicodeEscape() {
        assertEquals(List.of("Rossi"), names("LastName = 'R\\u006Fssi'"));
    }

    @Test
    void shouldTreatAQuoteInsideALikePatternAsData() {
        assertEquals(List.of("O'Brien"), names("LastName LIKE '%\\'%'"));
    }
}
