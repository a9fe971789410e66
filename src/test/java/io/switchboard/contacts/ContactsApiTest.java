package io.switchboard.contacts;

import static io.switchboard.contacts.ContactEvents.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.EngineAgainstEmulator;
import io.switchboard.engine.RunningEngine;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The links and search API over HTTP, with the bearer token, against the emulated org. */
class ContactsApiTest {
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().resettingOrgBeforeEach();
    private static final List<String> USED = new ArrayList<>();

    @BeforeEach
    void forgetLinks() {
        USED.forEach(contactId -> rig.engine().store().contactLinks().forget("cinnox", contactId));
        USED.clear();
    }

    private static RunningEngine engine() {
        return rig.engine();
    }

    private static HttpResponse<String> put(String contactId, String salesforceId) throws Exception {
        USED.add(contactId);
        return engine().send(engine().request("/contacts/cinnox/" + contactId + "/links/" + salesforceId)
                .PUT(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> delete(String contactId, String salesforceId) throws Exception {
        return engine().send(engine().request("/contacts/cinnox/" + contactId + "/links/" + salesforceId).DELETE());
    }

    private static String newContact(int n) {
        return rig.emulator().admin().insertRecord("Contact", Map.of("LastName", "Linked " + n));
    }

    @Test
    void shouldLinkByHandAnswer200ForTheSameLinkAndShowIt() throws Exception {
        HttpResponse<String> linked = put("ext-1", SeededOrg.MARIA_CONTI_ID);
        assertEquals(201, linked.statusCode(), linked.body());
        assertEquals("manual", JSON.readTree(linked.body()).path("how").asText());
        assertEquals(200, put("ext-1", SeededOrg.MARIA_CONTI_ID).statusCode());

        JsonNode shown = JSON.readTree(engine().get("/contacts/cinnox/ext-1").body());
        assertEquals("cinnox", shown.path("source").asText());
        assertEquals("ext-1", shown.path("contactId").asText());
        assertEquals(1, shown.path("links").size(), shown.toString());
        JsonNode link = shown.path("links").path(0);
        assertEquals(SeededOrg.MARIA_CONTI_ID, link.path("salesforceId").asText());
        assertEquals("manual", link.path("how").asText());
        assertTrue(link.path("linkedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), link.toString());
    }

    @Test
    void shouldRefuseAContactLinkedToAnotherSourceContactNamingIt() throws Exception {
        put("ext-1", SeededOrg.MARIA_CONTI_ID);

        HttpResponse<String> refused = put("ext-2", SeededOrg.MARIA_CONTI_ID);

        assertEquals(409, refused.statusCode(), refused.body());
        JsonNode body = JSON.readTree(refused.body());
        assertEquals("already_linked", body.path("error").asText());
        assertEquals("cinnox", body.path("linkedTo").path("source").asText());
        assertEquals("ext-1", body.path("linkedTo").path("contactId").asText());
    }

    @Test
    void shouldRefuseAnEleventhLinkAndAnswer404ForAContactTheOrgDoesNotHave() throws Exception {
        for (int n = 0; n < 10; n++) {
            assertEquals(201, put("ext-many", newContact(n)).statusCode());
        }
        HttpResponse<String> eleventh = put("ext-many", newContact(10));
        assertEquals(409, eleventh.statusCode(), eleventh.body());
        assertEquals("link_limit", JSON.readTree(eleventh.body()).path("error").asText());

        assertEquals(404, put("ext-none", "003000000000999AAA").statusCode());
        assertEquals(404, put("ext-none", "'%20OR%20Id%20!=%20null").statusCode(), "no id, no query");
        assertEquals(404, engine().get("/contacts/cinnox/ext-none").statusCode());
    }

    @Test
    void shouldKeepTenOfTwentyConcurrentLinkRequests() throws Exception {
        List<String> contacts = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            contacts.add(newContact(n));
        }
        USED.add("ext-race");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (String contact : contacts) {
                Callable<Integer> request = () -> {
                    start.await();
                    return put("ext-race", contact).statusCode();
                };
                answers.add(pool.submit(request));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(Map.of(201, 10L, 409, 10L), statuses.stream()
                    .collect(Collectors.groupingBy(status -> status, Collectors.counting())));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, JSON.readTree(engine().get("/contacts/cinnox/ext-race").body()).path("links").size());
    }

    @Test
    void shouldUnlinkOnceAndAnswer404AfterwardsOrForALinkThatNeverWas() throws Exception {
        put("ext-1", SeededOrg.MARIA_CONTI_ID);

        assertEquals(204, delete("ext-1", SeededOrg.MARIA_CONTI_ID).statusCode());
        assertEquals(404, delete("ext-1", SeededOrg.MARIA_CONTI_ID).statusCode());
        assertEquals(404, delete("ext-1", SeededOrg.LUCA_BIANCHI_ID).statusCode());
        assertEquals(0, JSON.readTree(engine().get("/contacts/cinnox/ext-1").body()).path("links").size());
    }

    @Test
    void shouldSearchByAPhoneInAnyFormatByEmailAndByNameShowingTheLinks() throws Exception {
        put("ext-1", SeededOrg.MARIA_CONTI_ID);

        JsonNode byPhone = search("phone", "+393331234567");
        assertEquals(1, byPhone.path("contacts").size(), byPhone.toString());
        JsonNode maria = byPhone.path("contacts").path(0);
        assertEquals(SeededOrg.MARIA_CONTI_ID, maria.path("salesforceId").asText());
        assertEquals("Maria Conti", maria.path("name").asText());
        assertEquals("[\"+39 333 123 4567\"]", maria.path("phones").toString());
        assertEquals("[\"maria.conti@example.com\"]", maria.path("emails").toString());
        assertEquals("ext-1", maria.path("linkedTo").path("contactId").asText());

        assertEquals(SeededOrg.MARIA_CONTI_ID, search("email", "maria.conti@example.com").path("contacts").path(0)
                .path("salesforceId").asText());
        JsonNode byName = search("name", "Bianchi");
        assertEquals(SeededOrg.LUCA_BIANCHI_ID, byName.path("contacts").path(0).path("salesforceId").asText());
        assertTrue(byName.path("contacts").path(0).path("linkedTo").isNull(), byName.toString());
        assertEquals(0, search("name", "%").path("contacts").size(), "a wildcard is searched as itself");
        assertEquals(0, search("name", "' OR Name != '").path("contacts").size());
    }

    @Test
    void shouldAskForExactlyOneSearchTermAndForTheToken() throws Exception {
        HttpResponse<String> none = engine().get("/contacts/search");
        assertEquals(400, none.statusCode(), none.body());
        assertTrue(none.body().contains("give exactly one of phone, email or name"), none.body());
        assertEquals(400, engine().get("/contacts/search?phone=1&email=a@b.c").statusCode());

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + engine().port() + "/contacts/cinnox/ext-1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }

    private static JsonNode search(String by, String value) throws Exception {
        HttpResponse<String> answer = engine().get("/contacts/search?" + by + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }
}
