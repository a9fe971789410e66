package io.switchboard.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.lookup.SoslEscaping;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Value conversion, value maps, phone normalisation and query escaping: pure functions, no Salesforce. */
class ValuesAndEscapingTest {

    @Test
    void shouldWriteDatetimesInUtcWithMillisecondsAndOffset() {
        assertEquals("2026-11-20T10:01:07.000+0000", SalesforceValues.datetime(Instant.parse("2026-11-20T10:01:07Z")));
        assertEquals("2026-11-20T09:01:07.000+0000",
                SalesforceValues.convert("CreatedDate", "datetime", "2026-11-20T10:01:07+01:00").asText());
    }

    @Test
    void shouldConvertValuesToTheFieldsType() {
        assertEquals("2026-11-20", SalesforceValues.convert("ActivityDate", "date", Instant.parse("2026-11-20T23:30:00Z")).asText());
        assertEquals("2026-10-02", SalesforceValues.convert("Incident_Date__c", "date", LocalDate.parse("2026-10-02")).asText());
        JsonNode duration = SalesforceValues.convert("CallDurationInSeconds", "int", "220");
        assertTrue(duration.isInt());
        assertEquals(220, duration.asInt());
        assertEquals(2.5, SalesforceValues.convert("Score__c", "double", "2.5").asDouble());
        assertTrue(SalesforceValues.convert("IsEscalated", "boolean", "TRUE").booleanValue());
        assertEquals("220", SalesforceValues.convert("CallObject", "string", 220).asText());
    }

    @Test
    void shouldRefuseAValueThatDoesNotConvertNamingTheFieldAndTheExpectedForm() {
        MappingException e = assertThrows(MappingException.class,
                () -> SalesforceValues.convert("CallDurationInSeconds", "int", "long"));
        assertEquals("field CallDurationInSeconds expects a whole number, got 'long'", e.getMessage());
        assertEquals("field IsEscalated expects true or false, got 'yes'",
                assertThrows(MappingException.class, () -> SalesforceValues.convert("IsEscalated", "boolean", "yes"))
                        .getMessage());
    }

    @Test
    void shouldLeaveOutFieldsWhoseValueTheEventDoesNotHave() {
        EventVariables call = EventVariables.of(Events.outboundCall());
        List<FieldMapping> fields = List.of(new FieldMapping("CallDisposition", ValueSource.variable("queue"), 1),
                new FieldMapping("Description", ValueSource.customVariable("campaign"), 2),
                new FieldMapping("CallObject", ValueSource.variable("callId"), 3));
        assertEquals("{\"CallObject\":\"1763640000.7\"}", new MapFields().map(fields, call).toString());
    }

    @Test
    void shouldMapValuesIgnoringCaseAndReportWhatAListLeavesOut() {
        MapValue origin = new MapValue("Case.Origin", "channel", "case.origin in config/conversation-closed.yaml",
                Map.of("whatsapp", "WhatsApp"));
        assertEquals("WhatsApp", origin.apply("WhatsApp"));
        assertEquals(List.of("email", "web"), origin.missing(List.of("whatsapp", "email", "web")));
        assertEquals(List.of("whatsapp"), origin.unlisted(List.of("email")));
    }

    @Test
    void shouldNormalisePhoneNumbersToDigitsWithTheirCountryCode() {
        assertEquals(new PhoneNumber("393331234567", true), PhoneNumbers.parse("+39 333 123 4567"));
        assertEquals(new PhoneNumber("393331234567", true), PhoneNumbers.parse("0039 (333) 123-4567"));
        assertEquals(new PhoneNumber("3331234567", false), PhoneNumbers.parse("333.123.4567"));
    }

    @Test
    void shouldTreatTheSameNumberInAnyFormatAsTheSame() {
        assertTrue(PhoneNumbers.sameNumber("+39 333 123 4567", "+393331234567"));
        assertTrue(PhoneNumbers.sameNumber("333 123 4567", "+393331234567"));
        assertTrue(PhoneNumbers.sameNumber("020 7946 0000", "+44 20 7946 0000"));
        assertFalse(PhoneNumbers.sameNumber("+39 333 123 4567", "+39 333 123 45670"));
        assertFalse(PhoneNumbers.sameNumber("+1 333 123 4567", "+39 333 123 4567"));
        assertFalse(PhoneNumbers.sameNumber("+39 12", "+39 12"));
    }

    @Test
    void shouldOfferTheStoredFormsASoqlComparisonShouldTry() {
        assertEquals(List.of("+39 333 123 4567", "+393331234567", "393331234567"),
                PhoneNumbers.storedForms(" +39 333 123 4567 "));
        assertEquals(List.of("+393331234567", "393331234567"), PhoneNumbers.storedForms("+393331234567"));
    }

    @Test
    void shouldEscapeQuotesAndBackslashesInSoqlLiterals() {
        assertEquals("'O\\'Brien'", SoqlEscaping.quote("O'Brien"));
        assertEquals("'a\\\\\\' OR Name != \\''", SoqlEscaping.quote("a\\' OR Name != '"));
        assertEquals("'line\\nbreak \\\"quoted\\\"'", SoqlEscaping.quote("line\nbreak \"quoted\""));
    }

    @Test
    void shouldEscapeEverySoslReservedCharacter() {
        String reserved = "?&|!{}[]()^~*:\"'+-\\";
        StringBuilder expected = new StringBuilder();
        for (char c : reserved.toCharArray()) {
            expected.append('\\').append(c);
        }
        assertEquals(expected.toString(), SoslEscaping.escape(reserved));
        assertEquals("{\"o\\'brien@example.com\"}", SoslEscaping.findTerm("o'brien@example.com"));
        assertEquals("{\"x\\} RETURNING User\\(Id\\)\"}", SoslEscaping.findTerm("x} RETURNING User(Id)"));
    }
}
