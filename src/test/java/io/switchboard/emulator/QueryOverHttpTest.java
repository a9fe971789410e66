package io.switchboard.emulator;

import static io.switchboard.emulator.EmulatorClient.encode;
import static io.switchboard.emulator.seed.SeededOrg.MARIA_CONTI_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** SOQL over HTTP against the seeded org and records written through the REST API. */
class QueryOverHttpTest extends EmulatorFixture {
    private static final String QUERY_PATH = "/services/data/v62.0/query?q=";

    private Answer query(String soql, Map<String, String> headers) {
        return client.authorized("GET", QUERY_PATH + encode(soql), null, headers);
    }

    private static List<String> values(JsonNode records, String field) {
        List<String> values = new ArrayList<>();
        records.forEach(record -> values.add(record.get(field).asText()));
        return values;
    }

    /** Creates Cases with subjects {@code Bulk 000}, {@code Bulk 001}... through sObject collections. */
    private void createBulkCases(int from, int to) {
        String records = String.join(",", IntStream.range(from, to)
                .mapToObj(i -> "{'attributes':{'type':'Case'},'Subject':'Bulk " + String.format("%03d", i) + "'}")
                .toList());
        Answer answer = client.post("/composite/sobjects", json("{'allOrNone':true,'records':[" + records + "]}"));
        assertEquals(200, answer.status());
        answer.json().forEach(result -> assertTrue(result.get("success").asBoolean(), result.toString()));
    }

    @Test
    void shouldFilterOrderAndLimitTheSeededContacts() {
        Answer answer = query("SELECT Id, LastName, Account.Name FROM Contact WHERE LastName != null "
                + "ORDER BY LastName DESC LIMIT 1", Map.of());

        assertEquals(200, answer.status(), answer.response().body());
        assertEquals(1, answer.json().get("totalSize").asInt());
        assertTrue(answer.json().get("done").asBoolean());
        JsonNode maria = answer.json().get("records").get(0);
        assertEquals(MARIA_CONTI_ID, maria.get("Id").asText());
        assertEquals("Contact", maria.get("attributes").get("type").asText());
        assertEquals("/services/data/v62.0/sobjects/Contact/" + MARIA_CONTI_ID,
                maria.get("attributes").get("url").asText());
        assertEquals("Conti & Partners", maria.get("Account").get("Name").asText());
    }

    @Test
    void shouldFindRecordsWrittenThroughTheRestApi() {
        client.post("/sobjects/Contact", json("{'LastName':'Esposito','Phone':'+39 081 555 1234'}"));

        Answer answer = query("SELECT LastName FROM Contact WHERE Phone = '+39 081 555 1234'", Map.of());

        assertEquals(List.of("Esposito"), values(answer.json().get("records"), "LastName"));
    }

    @Test
    void shouldPageThroughMoreRecordsThanOneBatchFollowingNextRecordsUrl() {
        createBulkCases(0, 200);
        createBulkCases(200, 250);
        Map<String, String> smallBatches = Map.of("Sforce-Query-Options", "batchSize=200");

        Answer page = query("SELECT Id, Subject FROM Case WHERE Subject LIKE 'Bulk %' ORDER BY Subject",
                smallBatches);
        List<String> subjects = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        for (int pages = 0; pages < 10; pages++) {
            assertEquals(200, page.status(), page.response().body());
            assertEquals(250, page.json().get("totalSize").asInt());
            subjects.addAll(values(page.json().get("records"), "Subject"));
            pageSizes.add(page.json().get("records").size());
            if (page.json().get("done").asBoolean()) {
                break;
            }
            String next = page.json().get("nextRecordsUrl").asText();
            assertTrue(next.startsWith("/services/data/v62.0/query/01g"), next);
            page = client.authorized("GET", next, null, smallBatches);
        }

        assertEquals(List.of(200, 50), pageSizes);
        assertNull(page.json().get("nextRecordsUrl"));
        assertEquals(IntStream.range(0, 250).mapToObj(i -> "Bulk " + String.format("%03d", i)).toList(), subjects);
    }

    @Test
    void shouldAnswerGarbageWithMalformedQuery() {
        Answer answer = query("SELECT FROM WHERE", Map.of());

        assertEquals(400, answer.status());
        assertEquals("MALFORMED_QUERY", answer.errorCode());
        assertEquals("\nSELECT FROM WHERE\n            ^\nERROR at Row:1:Column:13\nunexpected token: 'WHERE'",
                answer.message());
    }

    @Test
    void shouldFindNothingWhenAnInjectionAttemptIsEscaped() {
        String attempt = "' OR Name != '";
        String escaped = attempt.replace("\\", "\\\\").replace("'", "\\'");

        Answer safe = query("SELECT Id FROM Contact WHERE Name = '" + escaped + "'", Map.of());
        Answer unsafe = query("SELECT Id FROM Contact WHERE Name = '" + attempt + "'", Map.of());

        assertEquals(200, safe.status(), safe.response().body());
        assertEquals(0, safe.json().get("totalSize").asInt());
        assertEquals(0, safe.json().get("records").size());
        assertEquals(2, unsafe.json().get("totalSize").asInt(), "the raw attempt would have matched every Contact");
    }

    @Test
    void shouldRefuseALapsedOrUnknownLocator() {
        Answer answer = client.authorized("GET", "/services/data/v62.0/query/01gAAAAAAAAAAAAAAA-200", null, Map.of());

        assertEquals(400, answer.status());
        assertEquals("INVALID_QUERY_LOCATOR", answer.errorCode());
        assertEquals("invalid query locator", answer.message());
        assertFalse(answer.json().get(0).has("statusCode"));
    }
}
