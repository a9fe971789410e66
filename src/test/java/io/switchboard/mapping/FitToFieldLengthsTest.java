package io.switchboard.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitToFieldLengthsTest {
    private static final SObjectDescription CONTACT = new SObjectDescription("Contact", Map.of(
            "LastName", field("LastName", "string", 5),
            "Description", field("Description", "textarea", 6),
            "Subject", field("Subject", "combobox", 4),
            "Phone", field("Phone", "phone", 5),
            "Email", field("Email", "email", 5),
            "Level__c", field("Level__c", "picklist", 3)));
    private final FitToFieldLengths fit = new FitToFieldLengths();
    private final List<String> warnings = new ArrayList<>();

    private static FieldDescription field(String name, String type, int length) {
        return new FieldDescription(name, type, length, true, true, false, false, List.of());
    }

    private ObjectNode fields(Map<String, String> values) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        values.forEach(fields::put);
        return fields;
    }

    @Test
    void shouldCutFreeTextToItsFieldAndSaySo() {
        ObjectNode fitted = fit.fit(CONTACT, fields(Map.of("LastName", "Rossini", "Description", "abcdefgh",
                "Subject", "Hello")), warnings::add);
        assertEquals("Rossi", fitted.path("LastName").asText());
        assertEquals("abcdef", fitted.path("Description").asText());
        assertEquals("Hell", fitted.path("Subject").asText());
        assertEquals(3, warnings.size(), warnings.toString());
        assertEquals(true, warnings.contains("Contact.LastName was cut to 5 characters, the field's length (the value had 7)"));
    }

    @Test
    void shouldLeaveValuesWhoseMeaningACutWouldChange() {
        ObjectNode fitted = fit.fit(CONTACT, fields(Map.of("Phone", "+39 333 123 4567", "Email", "a@example.com",
                "Level__c", "Gold")), warnings::add);
        assertEquals("+39 333 123 4567", fitted.path("Phone").asText());
        assertEquals("a@example.com", fitted.path("Email").asText());
        assertEquals("Gold", fitted.path("Level__c").asText());
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldLeaveValuesThatFitAndFieldsTheDescribeDoesNotKnow() {
        ObjectNode fitted = fit.fit(CONTACT, fields(Map.of("LastName", "Conti", "Unknown__c", "x".repeat(500))),
                warnings::add);
        assertEquals("Conti", fitted.path("LastName").asText());
        assertEquals(500, fitted.path("Unknown__c").asText().length());
        assertEquals(List.of(), warnings);
    }

    @Test
    void shouldNeverCutACharacterOutsideTheBasicPlaneInHalf() {
        assertEquals("abcd", FitToFieldLengths.cut("abcd\uD83D\uDE00", 5));
        assertEquals("abc\uD83D\uDE00", FitToFieldLengths.cut("abc\uD83D\uDE00z", 5));
    }
}
