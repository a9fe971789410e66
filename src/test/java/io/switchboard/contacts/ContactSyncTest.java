package io.switchboard.contacts;

import static io.switchboard.contacts.ContactEvents.JSON;
import static io.switchboard.contacts.ContactEvents.change;
import static io.switchboard.contacts.ContactEvents.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Secret;
import io.switchboard.outbound.OutboundSignature;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.EngineAgainstEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Salesforce → source over real HTTP: the scheduled sync reads the emulated org's Contact changes and delivers each,
 * signed, to a stand-in of the source platform.
 */
class ContactSyncTest {
    private static final String SECRET = "sync-secret-5e2a";
    private static final SourcePlatformStub PLATFORM = SourcePlatformStub.start();

    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().resettingOrgBeforeEach().withSettings(Map.of(
            "SWITCHBOARD_CONTACT_SYNC_ENABLED", "true",
            "SWITCHBOARD_CONTACT_SYNC_URL", PLATFORM.url(),
            "SWITCHBOARD_CONTACT_SYNC_INTERVAL_SECONDS", "1",
            "SWITCHBOARD_CONTACT_SYNC_SECRET", SECRET,
            "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "20",
            "SWITCHBOARD_RETRY_MAX_DELAY_MS", "100"));

    @AfterAll
    static void stopPlatform() {
        PLATFORM.close();
    }

    private static boolean firstRunSeen;

    @BeforeEach
    void startAfterTheFirstRun() throws Exception {
        // the first run delivers every Contact the org holds; the tests below start after it
        if (!firstRunSeen) {
            awaitDelivery(delivery -> delivery.path("salesforceId").asText().equals(SeededOrg.LUCA_BIANCHI_ID));
            firstRunSeen = true;
        }
        PLATFORM.clear();
        ContactEvents.forgetLinks(rig.engine());
    }

    private static JsonNode awaitDelivery(Predicate<JsonNode> which) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            for (SourcePlatformStub.Received received : PLATFORM.received()) {
                JsonNode body = JSON.readTree(received.body());
                if (which.test(body)) {
                    return body;
                }
            }
            Thread.sleep(50);
        }
        return fail("no such delivery within 20 s; received: " + PLATFORM.received());
    }

    private static List<SourcePlatformStub.Received> deliveriesOf(String salesforceId) throws Exception {
        return PLATFORM.received().stream().filter(received -> received.body().contains("\"" + salesforceId + "\""))
                .toList();
    }

    private static void editAsSalesforceUser(String id, Map<String, Object> fields) {
        rig.emulator().admin().updateRecordAs(SeededOrg.AGENT_EMAIL, "Contact", id, fields);
    }

    @Test
    void shouldDeliverASalesforceUsersChangeSignedInTheSourcesShape() throws Exception {
        editAsSalesforceUser(SeededOrg.MARIA_CONTI_ID, Map.of("FirstName", "Marietta", "MobilePhone", "+39 347 000 1111"));

        JsonNode body = awaitDelivery(delivery -> delivery.path("salesforceId").asText().equals(SeededOrg.MARIA_CONTI_ID));

        assertEquals("updated", body.path("change").asText());
        assertEquals("{\"firstName\":\"Marietta\",\"lastName\":\"Conti\",\"phones\":[\"+39 333 123 4567\","
                + "\"+39 347 000 1111\"],\"emails\":[\"maria.conti@example.com\"]}", body.path("contact").toString());
        assertEquals("[]", body.path("links").toString());
        Instant changedAt = Instant.parse(body.path("changedAt").asText());
        assertTrue(changedAt.isAfter(Instant.parse("2026-01-05T09:00:00Z")), body.toString());
        SourcePlatformStub.Received received = deliveriesOf(SeededOrg.MARIA_CONTI_ID).get(0);
        assertEquals("sha256=" + OutboundSignature.hex(Secret.ofNullable(SECRET), received.body()), received.signature());
        assertEquals(SeededOrg.MARIA_CONTI_ID + "-updated-" + changedAt.toEpochMilli(), received.idempotencyKey());
        assertEquals("application/json", received.contentType());
        assertTrue(received.headers().keySet().stream().noneMatch(name -> name.toLowerCase().startsWith("switchboard")
                || name.toLowerCase().startsWith("camel") || name.equalsIgnoreCase("Authorization")),
                received.headers().toString());
    }

    @Test
    void shouldRetryThroughFiveRefusalsWithTheSameKeyAndKeepAContactsChangesInOrder() throws Exception {
        PLATFORM.failNext(5, 503);
        editAsSalesforceUser(SeededOrg.LUCA_BIANCHI_ID, Map.of("FirstName", "Luca One"));
        awaitDelivery(delivery -> true);
        rig.emulator().admin().advanceClock(Duration.ofSeconds(1));
        editAsSalesforceUser(SeededOrg.LUCA_BIANCHI_ID, Map.of("FirstName", "Luca Two"));

        awaitDelivery(delivery -> delivery.path("contact").path("firstName").asText().equals("Luca Two"));

        List<SourcePlatformStub.Received> luca = deliveriesOf(SeededOrg.LUCA_BIANCHI_ID);
        List<String> names = luca.stream().map(received -> name(received.body())).toList();
        assertEquals(List.of("Luca One", "Luca One", "Luca One", "Luca One", "Luca One", "Luca One", "Luca Two"), names);
        assertEquals(1, luca.subList(0, 6).stream().map(SourcePlatformStub.Received::idempotencyKey).distinct().count());
    }

    @Test
    void shouldNotEchoTheEnginesOwnWritesButDeliverASalesforceUsersLaterEdit() throws Exception {
        JsonNode created = run(rig.engine(), change("ext-echo", "created", "2026-11-20T10:00:00Z",
                List.of("+44 20 7946 1234"), List.of("echo@example.com")));
        String id = created.path("records").path(0).path("id").asText();
        run(rig.engine(), change("ext-echo", "updated", "2099-01-01T00:00:00Z", List.of("+44 20 7946 4321"), List.of()));
        editAsSalesforceUser(id, Map.of("LastName", "Edited In Salesforce"));

        JsonNode body = awaitDelivery(delivery -> delivery.path("salesforceId").asText().equals(id));

        assertEquals("Edited In Salesforce", body.path("contact").path("lastName").asText());
        assertEquals("[\"ext-echo\"]", body.path("links").toString());
        assertEquals(1, deliveriesOf(id).size(), "the creation and the update were the engine's own: " + PLATFORM.received());
    }

    @Test
    void shouldDeliverADeletionAndUnlinkTheContact() throws Exception {
        run(rig.engine(), change("ext-deleted", "created", "2026-11-20T10:00:00Z", List.of("+39 333 123 4567"), List.of()));
        rig.emulator().admin().deleteRecordAs(SeededOrg.AGENT_EMAIL, "Contact", SeededOrg.MARIA_CONTI_ID);

        JsonNode body = awaitDelivery(delivery -> delivery.path("change").asText().equals("deleted"));

        assertEquals(SeededOrg.MARIA_CONTI_ID, body.path("salesforceId").asText());
        assertEquals("[\"ext-deleted\"]", body.path("links").toString());
        assertEquals(0, JSON.readTree(rig.engine().get("/contacts/cinnox/ext-deleted").body()).path("links").size());
    }

    @Test
    void shouldFailARefusedDeliveryForGoodAndDeliverItOnReplay() throws Exception {
        PLATFORM.failNext(1, 400);
        editAsSalesforceUser(SeededOrg.MARIA_CONTI_ID, Map.of("FirstName", "Refused"));
        awaitDelivery(delivery -> delivery.path("contact").path("firstName").asText().equals("Refused"));
        JsonNode failed = awaitFailedDelivery();
        assertTrue(failed.path("error").path("message").asText().startsWith("the source platform refused the delivery: 400"),
                failed.toString());

        assertEquals(202, rig.engine().send(rig.engine().request("/events/" + failed.path("eventId").asText() + "/replay")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode());

        Instant deadline = Instant.now().plusSeconds(10);
        while (deliveriesOf(SeededOrg.MARIA_CONTI_ID).size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(2, deliveriesOf(SeededOrg.MARIA_CONTI_ID).size());
        assertEquals("done", ContactEvents.awaitFinished(rig.engine(), failed.path("eventId").asText()).path("status").asText());
    }

    @Test
    void shouldRefuseAContactDeliveryPostedFromOutside() throws Exception {
        var answer = rig.engine().postEvent("contact-delivery", "{}");
        assertEquals(404, answer.statusCode(), answer.body());
    }

    private static JsonNode awaitFailedDelivery() throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode event : JSON.readTree(rig.engine().get("/events?status=failed&limit=10").body()).path("events")) {
                if (event.path("type").asText().equals("contact-delivery")) {
                    return event;
                }
            }
            Thread.sleep(50);
        }
        return fail("no failed delivery");
    }

    private static String name(String body) {
        try {
            return JSON.readTree(body).path("contact").path("firstName").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
