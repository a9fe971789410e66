package io.switchboard.emulator;

import static io.switchboard.emulator.EmulatorClient.encode;
import static io.switchboard.emulator.seed.SeededOrg.MARIA_CONTI_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SOSL over HTTP: phone numbers in any format, and the lag of the search index behind writes. */
class SearchOverHttpTest extends EmulatorFixture {
    private static final long LAG_MILLIS = 300;

    /** Escapes SOSL's reserved characters, as a client must before putting a term between braces. */
    private static String soslEscape(String term) {
        StringBuilder escaped = new StringBuilder();
        for (char c : term.toCharArray()) {
            if ("?&|!{}[]()^~*:\\\"'+-".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private Answer search(String sosl) {
        return client.get("/search?q=" + encode(sosl));
    }

    private List<String> contactsFoundByPhone(String phone) {
        Answer answer = search("FIND {" + soslEscape(phone) + "} IN PHONE FIELDS RETURNING Contact(Id, Name)");
        assertEquals(200, answer.status(), answer.response().body());
        List<String> ids = new ArrayList<>();
        answer.json().get("searchRecords").forEach(record -> ids.add(record.get("Id").asText()));
        return ids;
    }

    private int contactsQueriedByPhone(String phone) {
        Answer answer = client.get("/query?q=" + encode("SELECT Id FROM Contact WHERE Phone = '" + phone + "'"));
        return answer.json().get("totalSize").asInt();
    }

    @Test
    void shouldFindTheSeededContactByHerNumberInInternationalForm() {
        Answer answer = search("FIND {\\+393331234567} IN PHONE FIELDS RETURNING Contact(Id, Name)");

        assertEquals(200, answer.status(), answer.response().body());
        JsonNode records = answer.json().get("searchRecords");
        assertEquals(1, records.size());
        assertEquals(MARIA_CONTI_ID, records.get(0).get("Id").asText());
        assertEquals("Maria Conti", records.get(0).get("Name").asText());
        assertEquals("Contact", records.get(0).get("attributes").get("type").asText());
    }

    @Test
    void shouldFindTheSeededContactByOtherFormsOfHerNumber() {
        for (String phone : List.of("333 123 4567", "3331234567", "+39 333 123 4567", "+39-333-1234567")) {
            assertEquals(List.of(MARIA_CONTI_ID), contactsFoundByPhone(phone), phone);
        }
    }

    @Test
    void shouldRefuseAnUnescapedPlusInTheTerm() {
        Answer answer = search("FIND {+393331234567} IN PHONE FIELDS RETURNING Contact(Id, Name)");

        assertEquals(400, answer.status());
        assertEquals("MALFORMED_SEARCH", answer.errorCode());
    }

    @Test
    void shouldFindTheSeededContactAtOnceWhenTheIndexLags() {
        emulator.admin().searchLagMillis(LAG_MILLIS);

        assertEquals(List.of(MARIA_CONTI_ID), contactsFoundByPhone("+393331234567"));
    }

    @Test
    void shouldFindANewContactBySoqlAtOnceAndBySoslOnlyOnceTheIndexCaughtUp() throws InterruptedException {
        Answer lag = client.raw("POST", "/__admin/settings", json("{'searchLagMillis':" + LAG_MILLIS + "}"), null);
        assertEquals(204, lag.status());
        long writtenBefore = System.nanoTime();
        Answer created = client.post("/sobjects/Contact", json("{'LastName':'Ferrari','Phone':'+39 347 000 1122'}"));
        String id = created.json().get("id").asText();

        List<String> foundAtOnce = contactsFoundByPhone("+393470001122");
        long searchedAfterMillis = (System.nanoTime() - writtenBefore) / 1_000_000;
        assertTrue(foundAtOnce.isEmpty() || searchedAfterMillis >= LAG_MILLIS,
                "found by SOSL " + searchedAfterMillis + " ms after the write");
        assertEquals(1, contactsQueriedByPhone("+39 347 000 1122"));

        List<String> found = List.of();
        long deadline = writtenBefore + 5_000_000_000L;
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            found = contactsFoundByPhone("+393470001122");
        }
        long waitedMillis = (System.nanoTime() - writtenBefore) / 1_000_000;
        assertEquals(List.of(id), found);
        assertTrue(waitedMillis >= LAG_MILLIS, "found after " + waitedMillis + " ms");
    }
}
