package io.switchboard.emulator.admin;

import static io.switchboard.emulator.EmulatorClient.encode;
import static io.switchboard.emulator.seed.SeededOrg.AGENT_EMAIL;
import static io.switchboard.emulator.seed.SeededOrg.AGENT_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.INACTIVE_EMAIL;
import static io.switchboard.emulator.seed.SeededOrg.INTEGRATION_USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes and deletes made through the admin API as another Salesforce user, as a person editing in the org. */
class ActingUserTest extends EmulatorFixture {
    private static final Instant T0 = Instant.parse("2030-03-15T10:00:00Z");

    private String contactId;

    @BeforeEach
    void createAContactAsTheIntegrationUser() {
        emulator.admin().setClock(T0, true);
        Answer created = client.post("/sobjects/Contact", json("{'LastName':'Shared','Title':'Client'}"));
        assertEquals(201, created.status(), created.response().body());
        contactId = created.json().get("id").asText();
        emulator.admin().advanceClock(Duration.ofMinutes(3));
    }

    private Answer asUser(String method, String username, String body) {
        return client.raw(method, "/__admin/records/Contact/" + contactId + "?as=" + encode(username),
                body == null ? null : json(body), null);
    }

    private void assertAdminError(Answer answer, int status, String error) {
        assertEquals(status, answer.status(), answer.response().body());
        assertEquals(error, answer.json().get("error").asText());
        assertEquals(1, answer.json().size(), answer.json().toString());
    }

    @Test
    void shouldChangeARecordAsAnotherUserSoThatItsStampsNameThem() {
        long usage = apiUsage(client.get("/limits"));

        Answer changed = asUser("PATCH", AGENT_EMAIL, "{'Title':'Partner'}");

        assertEquals(204, changed.status(), changed.response().body());
        JsonNode contact = client.get("/sobjects/Contact/" + contactId).json();
        assertEquals("Partner", contact.get("Title").asText());
        assertEquals(AGENT_USER_ID, contact.get("LastModifiedById").asText());
        assertEquals("2030-03-15T10:03:00.000+0000", contact.get("LastModifiedDate").asText());
        assertEquals("2030-03-15T10:03:00.000+0000", contact.get("SystemModstamp").asText());
        assertEquals(INTEGRATION_USER_ID, contact.get("CreatedById").asText());
        assertEquals("2030-03-15T10:00:00.000+0000", contact.get("CreatedDate").asText());
        Answer changedByOthers = client.get("/query?q=" + encode("SELECT Id FROM Contact WHERE LastModifiedById != '"
                + INTEGRATION_USER_ID + "' AND SystemModstamp > 2030-03-15T10:02:00Z"));
        assertEquals(contactId, changedByOthers.json().get("records").get(0).get("Id").asText());
        assertEquals(1, changedByOthers.json().get("totalSize").asInt());
        assertEquals(json("{'ids':['" + contactId + "'],'latestDateCovered':'2030-03-15T10:03:00.000+0000'}"),
                client.get("/sobjects/Contact/updated/?start=" + encode("2030-03-15T10:01:00Z") + "&end="
                        + encode("2030-03-15T10:04:00Z")).json().toString());
        // three reads and this /limits call count; the admin call does not
        assertEquals(usage + 4, apiUsage(client.get("/limits")));
    }

    @Test
    void shouldDeleteARecordAsAnotherUserIntoTheRecycleBin() {
        Answer deleted = asUser("DELETE", AGENT_EMAIL, null);

        assertEquals(204, deleted.status(), deleted.response().body());
        assertEquals("ENTITY_IS_DELETED", client.get("/sobjects/Contact/" + contactId).errorCode());
        JsonNode binned = client.get("/queryAll?q=" + encode("SELECT LastModifiedById, SystemModstamp, IsDeleted"
                + " FROM Contact WHERE Id = '" + contactId + "'")).json().get("records").get(0);
        assertEquals(AGENT_USER_ID, binned.get("LastModifiedById").asText());
        assertEquals("2030-03-15T10:03:00.000+0000", binned.get("SystemModstamp").asText());
        assertEquals(true, binned.get("IsDeleted").asBoolean());
        assertEquals(json("{'deletedRecords':[{'id':'" + contactId + "','deletedDate':'2030-03-15T10:03:00.000+0000'}],"
                        + "'earliestDateAvailable':'2030-02-28T10:03:00.000+0000',"
                        + "'latestDateCovered':'2030-03-15T10:03:00.000+0000'}"),
                client.get("/sobjects/Contact/deleted/?start=" + encode("2030-03-15T10:00:00Z") + "&end="
                        + encode("2030-03-15T10:05:00Z")).json().toString());
    }

    @Test
    void shouldCheckAChangeAsAnApiWriteIsChecked() {
        assertAdminError(asUser("PATCH", AGENT_EMAIL, "{'CreatedDate':'2030-01-01T00:00:00Z'}"), 400,
                "INVALID_FIELD_FOR_INSERT_UPDATE: Unable to create/update fields: CreatedDate. Please check the"
                        + " security settings of this field and verify that it is read/write for your profile or"
                        + " permission set.");
        assertAdminError(asUser("PATCH", AGENT_EMAIL, "{'Nope__c':'x'}"), 400,
                "INVALID_FIELD: No such column 'Nope__c' on sobject of type Contact");
        assertEquals(INTEGRATION_USER_ID,
                client.get("/sobjects/Contact/" + contactId).json().get("LastModifiedById").asText());
    }

    @Test
    void shouldRefuseAChangeOfADeletedOrUnknownRecord() {
        asUser("DELETE", AGENT_EMAIL, null);

        assertAdminError(asUser("PATCH", AGENT_EMAIL, "{'Title':'Late'}"), 404, "ENTITY_IS_DELETED: entity is deleted");
        assertAdminError(asUser("DELETE", AGENT_EMAIL, null), 404, "ENTITY_IS_DELETED: entity is deleted");
        assertAdminError(client.raw("DELETE", "/__admin/records/Contact/003000000000000AAA?as=" + encode(AGENT_EMAIL),
                null, null), 404, "NOT_FOUND: The requested resource does not exist");
    }

    @Test
    void shouldRefuseAMissingUnknownOrInactiveUser() {
        assertAdminError(client.raw("PATCH", "/__admin/records/Contact/" + contactId, json("{'Title':'x'}"), null),
                400, "as is required: the username of the user who makes the change");
        assertAdminError(asUser("PATCH", "nobody@example.com", "{'Title':'x'}"), 400, "No user nobody@example.com");
        assertAdminError(asUser("DELETE", INACTIVE_EMAIL, null), 400,
                "User " + INACTIVE_EMAIL + " is inactive and cannot change records");
        assertEquals("Client", client.get("/sobjects/Contact/" + contactId).json().get("Title").asText());
    }

    @Test
    void shouldOfferTheSameCallsInProcess() {
        emulator.admin().updateRecordAs(AGENT_EMAIL, "Contact", contactId, Map.of("Title", "Counsel"));
        JsonNode changed = client.get("/sobjects/Contact/" + contactId).json();
        assertEquals("Counsel", changed.get("Title").asText());
        assertEquals(AGENT_USER_ID, changed.get("LastModifiedById").asText());

        emulator.admin().deleteRecordAs(AGENT_EMAIL, "Contact", contactId);
        assertEquals("ENTITY_IS_DELETED", client.get("/sobjects/Contact/" + contactId).errorCode());
    }
}
