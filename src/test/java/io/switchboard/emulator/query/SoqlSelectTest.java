package io.switchboard.emulator.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a SELECT answers: fields, parent relationships and counts, in the REST API's shape. */
class SoqlSelectTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private InMemoryRecords records;
    private QueryService service;
    private String userId;
    private String accountId;
    private String contactId;

    @BeforeEach
    void seed() {
        records = new InMemoryRecords(TestOrg.schema());
        service = new QueryService(records, TestOrg.CLOCK);
        userId = records.insert("User", "Name", "Agent Demo", "Email", "agent.demo@example.com", "IsActive", true);
        accountId = records.insert("Account", "Name", "Acme", "OwnerId", userId, "NumberOfEmployees", 50);
        contactId = records.insert("Contact", "FirstName", "Mario", "LastName", "Rossi", "AccountId", accountId,
                "OwnerId", userId);
        records.insert("Contact", "LastName", "Bianchi");
    }

    private JsonNode query(String soql) {
        return service.query(soql, 2000, TestOrg.VERSION);
    }

    @Test
    void shouldAnswerSelectedFieldsWithAttributesInSalesforceShape() throws Exception {
        JsonNode answer = query("SELECT Id, LastName FROM Contact WHERE FirstName = 'Mario'");

        JsonNode expected = mapper.readTree("""
                {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Contact",
                "url":"/services/data/v60.0/sobjects/Contact/%s"},"Id":"%s","LastName":"Rossi"}]}
                """.formatted(contactId, contactId));
        assertEquals(expected, answer);
    }

    @Test
    void shouldReadKeywordsAndFieldNamesInAnyCaseAndAnswerTheSchemaSpelling() {
        JsonNode record = query("select ID, lastname frOM contact where FIRSTNAME = 'Mario'").get("records").get(0);

        assertEquals("Contact", record.get("attributes").get("type").asText());
        assertEquals(List.of("attributes", "Id", "LastName"), fieldNames(record));
        assertEquals("Rossi", record.get("LastName").asText());
    }

    @Test
    void shouldAnswerNullForEmptyFields() {
        JsonNode record = query("SELECT FirstName FROM Contact WHERE LastName = 'Bianchi'").get("records").get(0);

        assertTrue(record.has("FirstName"));
        assertTrue(record.get("FirstName").isNull());
    }

    @Test
    void shouldKeepNumbersAsJsonNumbers() {
        JsonNode record = query("SELECT NumberOfEmployees FROM Account").get("records").get(0);

        assertTrue(record.get("NumberOfEmployees").isInt());
        assertEquals(50, record.get("NumberOfEmployees").asInt());
    }

    @Test
    void shouldNestAParentRecordUnderItsRelationshipName() {
        JsonNode owner = query("SELECT owner.email FROM Contact WHERE LastName = 'Rossi'")
                .get("records").get(0).get("Owner");

        assertEquals("User", owner.get("attributes").get("type").asText());
        assertEquals("/services/data/v60.0/sobjects/User/" + userId, owner.get("attributes").get("url").asText());
        assertEquals("agent.demo@example.com", owner.get("Email").asText());
    }

    @Test
    void shouldFollowTwoLevelsOfParents() {
        records.insert("Case", "Subject", "Help", "ContactId", contactId);

        JsonNode contact = query("SELECT Contact.Account.Name, Contact.LastName FROM Case").get("records").get(0)
                .get("Contact");

        assertEquals("Rossi", contact.get("LastName").asText());
        assertEquals("Account", contact.get("Account").get("attributes").get("type").asText());
        assertEquals("Acme", contact.get("Account").get("Name").asText());
    }

    @Test
    void shouldAnswerNullForAnUnsetParent() {
        JsonNode record = query("SELECT Account.Name, Account.Phone FROM Contact WHERE LastName = 'Bianchi'")
                .get("records").get(0);

        assertTrue(record.get("Account").isNull());
    }

    @Test
    void shouldFollowAPolymorphicReferenceToTheRecordsActualType() {
        String leadId = records.insert("Lead", "LastName", "Verdi", "Company", "Verdi SpA");
        records.insert("Task", "Subject", "Call", "WhoId", leadId);

        JsonNode who = query("SELECT Who.LastName FROM Task").get("records").get(0).get("Who");

        assertEquals("Lead", who.get("attributes").get("type").asText());
        assertEquals("Verdi", who.get("LastName").asText());
    }

    @Test
    void shouldFilterOnAParentField() {
        JsonNode answer = query("SELECT LastName FROM Contact WHERE Account.Name = 'acme'");

        assertEquals(1, answer.get("totalSize").asInt());
        assertEquals("Rossi", answer.get("records").get(0).get("LastName").asText());
    }

    @Test
    void shouldAnswerCountWithTotalSizeAndNoRecords() {
        JsonNode answer = query("SELECT COUNT() FROM Contact");

        assertEquals(2, answer.get("totalSize").asInt());
        assertTrue(answer.get("done").asBoolean());
        assertEquals(0, answer.get("records").size());
    }

    @Test
    void shouldCountOnlyTheRecordsTheFilterKeeps() {
        assertEquals(1, query("SELECT COUNT() FROM Contact WHERE FirstName != null").get("totalSize").asInt());
    }

    @Test
    void shouldAnswerCountOfAFieldAsOneAggregateRow() {
        JsonNode answer = query("SELECT COUNT(FirstName) FROM Contact");

        assertEquals(1, answer.get("totalSize").asInt());
        JsonNode row = answer.get("records").get(0);
        assertEquals("AggregateResult", row.get("attributes").get("type").asText());
        assertFalse(row.get("attributes").has("url"));
        assertEquals(1, row.get("expr0").asInt());
    }

    @Test
    void shouldAnswerAnEmptyResultWhenNothingMatches() {
        JsonNode answer = query("SELECT Id FROM Lead");

        assertEquals(0, answer.get("totalSize").asInt());
        assertTrue(answer.get("done").asBoolean());
        assertFalse(answer.has("nextRecordsUrl"));
        assertEquals(0, answer.get("records").size());
    }

    private static List<String> fieldNames(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
