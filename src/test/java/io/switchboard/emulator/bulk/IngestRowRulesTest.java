package io.switchboard.emulator.bulk;

import static io.switchboard.emulator.seed.SeededOrg.ACME_ACCOUNT_ID;
import static io.switchboard.emulator.seed.SeededOrg.LUCA_BIANCHI_ID;
import static io.switchboard.emulator.seed.SeededOrg.MARIA_CONTI_ID;
import static io.switchboard.emulator.seed.SeededOrg.REFERRAL_CX_ID;
import static io.switchboard.emulator.seed.SeededOrg.REFERRAL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import io.switchboard.emulator.records.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows of job data are validated and written by the rules of every REST write, each on its own, and reported in the
 * successful and failed results with Salesforce's {@code sf__} columns.
 */
class IngestRowRulesTest extends EmulatorFixture {
    private static final String MISSING_ACCOUNT_ID = Ids.of("001", 99_999);
    private BulkClient bulk;

    @BeforeEach
    void bulkClient() {
        bulk = new BulkClient(client);
    }

    private JsonNode record(String type, String id, String fields) {
        Answer answer = client.get("/sobjects/" + type + "/" + id + "?fields=" + fields);
        assertEquals(200, answer.status(), answer.response().body());
        return answer.json();
    }

    private ResultCsv successes(String jobId) {
        return ResultCsv.parse(bulk.results(jobId, "successfulResults"));
    }

    private ResultCsv failures(String jobId) {
        return ResultCsv.parse(bulk.results(jobId, "failedResults"));
    }

    @Test
    void shouldWriteTheGoodRowsAndReportEachBadRowWithItsOwnError() {
        String longName = "L".repeat(81);
        String jobId = bulk.run("{'object':'Contact','operation':'insert'}",
                "LastName,FirstName,AccountId\n"
                        + "Rossi,Mario," + ACME_ACCOUNT_ID + "\n"
                        + ",Senza,\n"
                        + longName + ",Lungo,\n"
                        + "Ferri,Anna," + MISSING_ACCOUNT_ID + "\n"
                        + "Neri,Paolo,not-an-id\n"
                        + "Galli,Sara,\n");

        JsonNode job = bulk.info(jobId).json();
        assertEquals("JobComplete", job.get("state").asText(), "row failures do not fail the job: " + job);
        assertEquals(6, job.get("numberRecordsProcessed").asLong());
        assertEquals(4, job.get("numberRecordsFailed").asLong());

        ResultCsv successes = successes(jobId);
        assertEquals(List.of("sf__Id", "sf__Created", "LastName", "FirstName", "AccountId"), successes.header());
        Map<String, Map<String, String>> written = successes.byColumn("LastName");
        assertEquals(List.of("Galli", "Rossi"), written.keySet().stream().sorted().toList());
        String rossiId = written.get("Rossi").get("sf__Id");
        assertEquals("true", written.get("Rossi").get("sf__Created"));
        assertEquals("Mario", record("Contact", rossiId, "FirstName").get("FirstName").asText());
        assertEquals(ACME_ACCOUNT_ID, record("Contact", rossiId, "AccountId").get("AccountId").asText());

        ResultCsv failures = failures(jobId);
        assertEquals(List.of("sf__Id", "sf__Error", "LastName", "FirstName", "AccountId"), failures.header());
        Map<String, Map<String, String>> failed = failures.byColumn("FirstName");
        assertEquals("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --",
                failed.get("Senza").get("sf__Error"));
        assertEquals("", failed.get("Senza").get("sf__Id"));
        assertEquals("STRING_TOO_LONG:Last Name: data value too large: " + longName + " (max length=80):LastName --",
                failed.get("Lungo").get("sf__Error"));
        assertEquals("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:AccountId --",
                failed.get("Anna").get("sf__Error"));
        assertEquals("MALFORMED_ID:Account ID: id value of incorrect type: not-an-id:AccountId --",
                failed.get("Paolo").get("sf__Error"));
        assertEquals(MISSING_ACCOUNT_ID, failed.get("Anna").get("AccountId"), "failed rows carry their values");
    }

    @Test
    void shouldRefuseAValueOfARestrictedPicklistForThatRowAlone() {
        String jobId = bulk.run("{'object':'Lead','operation':'insert'}",
                "LastName,Company,Status\nBruno,Bruno Srl,Working - Contacted\nMarino,Marino Spa,Maybe Later\n");

        assertEquals(List.of("Bruno"), successes(jobId).column("LastName"));
        assertEquals(List.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Lead Status: bad value for restricted picklist"
                + " field: Maybe Later:Status --"), failures(jobId).column("sf__Error"));
    }

    @Test
    void shouldReportRowsInAnOrderThatIsNotTheUploadOrderAndTheSameOnEveryRead() {
        List<String> names = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("Ordine%02d", i)).toList();
        String jobId = bulk.run("{'object':'Contact','operation':'insert'}",
                "LastName\n" + String.join("\n", names) + "\n");

        List<String> reported = successes(jobId).column("LastName");

        assertEquals(names, reported.stream().sorted().toList());
        assertNotEquals(names, reported, "a client matching results to its rows by position must be caught");
        assertEquals(reported, successes(jobId).column("LastName"));
    }

    @Test
    void shouldNeverReportTwoRowsInTheirUploadOrder() {
        String jobId = bulk.run("{'object':'Contact','operation':'insert'}", "LastName\nPrima\nSeconda\n");

        assertEquals(List.of("Seconda", "Prima"), successes(jobId).column("LastName"));
    }

    @Test
    void shouldQuoteValuesWithCommasQuotesAndLineBreaksInTheResults() {
        String description = "Said \"call me back\", twice\nthen hung up";
        String jobId = bulk.run("{'object':'Contact','operation':'insert'}",
                "LastName,Description\nRossi,\"Said \"\"call me back\"\", twice\nthen hung up\"\n,\"a, \"\"b\"\"\"\n");

        String successCsv = bulk.results(jobId, "successfulResults");
        String id = successes(jobId).column("sf__Id").get(0);
        assertEquals("\"sf__Id\",\"sf__Created\",LastName,Description\n\"" + id
                + "\",\"true\",\"Rossi\",\"Said \"\"call me back\"\", twice\nthen hung up\"\n", successCsv);
        assertEquals(description, record("Contact", id, "Description").get("Description").asText());
        assertEquals("\"sf__Id\",\"sf__Error\",LastName,Description\n\"\",\"REQUIRED_FIELD_MISSING:Required fields "
                + "are missing: [LastName]:LastName --\",\"\",\"a, \"\"b\"\"\"\n",
                bulk.results(jobId, "failedResults"));
    }

    @Test
    void shouldUpdateByIdLeavingEmptyValuesAloneAndNullingNotApplicableOnes() {
        JsonNode before = record("Contact", MARIA_CONTI_ID, "Phone,Title,Email");
        String fifteenCharacterId = LUCA_BIANCHI_ID.substring(0, 15);
        String jobId = bulk.run("{'object':'Contact','operation':'update'}",
                "Id,Title,Phone,Email\n"
                        + MARIA_CONTI_ID + ",Head of Claims,,#N/A\n"
                        + fifteenCharacterId + ",Agent,,\n"
                        + Ids.of("003", 99_999) + ",Ghost,,\n"
                        + Ids.of("001", 1) + ",Wrong Type,,\n"
                        + ",Nobody,,\n");

        JsonNode maria = record("Contact", MARIA_CONTI_ID, "Phone,Title,Email");
        assertEquals("Head of Claims", maria.get("Title").asText());
        assertEquals(before.get("Phone"), maria.get("Phone"), "an empty value leaves the field as it is");
        assertTrue(maria.get("Email").isNull(), "#N/A sets the field to null: " + maria);
        Map<String, Map<String, String>> updated = successes(jobId).byColumn("Title");
        assertEquals(MARIA_CONTI_ID, updated.get("Head of Claims").get("sf__Id"));
        assertEquals("false", updated.get("Head of Claims").get("sf__Created"));
        assertEquals(LUCA_BIANCHI_ID, updated.get("Agent").get("sf__Id"), "sf__Id is the 18-character id");
        assertEquals(fifteenCharacterId, updated.get("Agent").get("Id"), "the uploaded value comes back as it was");

        Map<String, Map<String, String>> failed = failures(jobId).byColumn("Title");
        assertEquals("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--", failed.get("Ghost").get("sf__Error"));
        assertEquals(Ids.of("003", 99_999), failed.get("Ghost").get("sf__Id"));
        assertEquals("MALFORMED_ID:Contact ID: id value of incorrect type: " + Ids.of("001", 1) + ":Id --",
                failed.get("Wrong Type").get("sf__Error"));
        assertEquals("MISSING_ARGUMENT:Id not specified in an update call:--", failed.get("Nobody").get("sf__Error"));
    }

    @Test
    void shouldUpsertByExternalIdCreatingAndUpdatingAndRefusingRepeatedKeysInOneBatch() {
        String jobId = bulk.run("{'object':'Referral__c','operation':'upsert','externalIdFieldName':'CX_Id__c'}",
                "CX_Id__c,Name,Status__c\n"
                        + REFERRAL_CX_ID.toLowerCase() + ",Updated referral,Accepted\n"
                        + "CX-2001,New referral,Pending\n"
                        + "CX-3001,Twin one,Pending\n"
                        + "cx-3001,Twin two,Pending\n"
                        + ",No key,Pending\n");

        Map<String, Map<String, String>> written = successes(jobId).byColumn("Name");
        assertEquals(REFERRAL_ID, written.get("Updated referral").get("sf__Id"));
        assertEquals("false", written.get("Updated referral").get("sf__Created"));
        assertEquals("true", written.get("New referral").get("sf__Created"));
        assertEquals("Accepted", record("Referral__c", REFERRAL_ID, "Status__c").get("Status__c").asText());
        assertEquals("CX-2001", record("Referral__c", written.get("New referral").get("sf__Id"), "CX_Id__c")
                .get("CX_Id__c").asText());

        Map<String, Map<String, String>> failed = failures(jobId).byColumn("Name");
        assertEquals("DUPLICATE_VALUE:Duplicate external id specified: CX-3001:CX_Id__c --",
                failed.get("Twin one").get("sf__Error"));
        assertEquals("DUPLICATE_VALUE:Duplicate external id specified: cx-3001:CX_Id__c --",
                failed.get("Twin two").get("sf__Error"));
        assertEquals("MISSING_ARGUMENT:CX_Id__c not specified:CX_Id__c --", failed.get("No key").get("sf__Error"));
    }

    @Test
    void shouldUpsertOnIdCreatingTheRowsWithoutOne() {
        String jobId = bulk.run("{'object':'Account','operation':'upsert','externalIdFieldName':'Id'}",
                "Id,Name\n" + ACME_ACCOUNT_ID + ",Acme Renamed\n,Brand New Account\n");

        Map<String, Map<String, String>> written = successes(jobId).byColumn("Name");
        assertEquals(ACME_ACCOUNT_ID, written.get("Acme Renamed").get("sf__Id"));
        assertEquals("false", written.get("Acme Renamed").get("sf__Created"));
        assertEquals("true", written.get("Brand New Account").get("sf__Created"));
        assertEquals("Acme Renamed", record("Account", ACME_ACCOUNT_ID, "Name").get("Name").asText());
    }

    @Test
    void shouldDeleteByIdAndReportIdsThatNameNothing() {
        int contacts = stored("Contact");
        String jobId = bulk.run("{'object':'Contact','operation':'delete'}",
                "Id\n" + LUCA_BIANCHI_ID + "\n" + Ids.of("003", 99_999) + "\n");

        assertEquals(contacts - 1, stored("Contact"));
        assertEquals(List.of(LUCA_BIANCHI_ID), successes(jobId).column("sf__Id"));
        assertEquals(List.of("false"), successes(jobId).column("sf__Created"));
        assertEquals(List.of("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--"),
                failures(jobId).column("sf__Error"));
        assertEquals(404, client.get("/sobjects/Contact/" + LUCA_BIANCHI_ID).status());
    }

    @Test
    void shouldRefuseAnIdInAnInsert() {
        String jobId = bulk.run("{'object':'Contact','operation':'insert'}",
                "Id,LastName\n" + MARIA_CONTI_ID + ",Copy\n");

        assertEquals(List.of("INVALID_FIELD:cannot specify Id in an insert call:Id --"),
                failures(jobId).column("sf__Error"));
    }

    @Test
    void shouldSetAuditFieldsOnInsertOnlyAsRestDoes() {
        String insertId = bulk.run("{'object':'Contact','operation':'insert'}",
                "LastName,CreatedDate\nStorico,2024-03-01T09:30:00.000Z\n");
        String createdId = successes(insertId).column("sf__Id").get(0);
        assertEquals("2024-03-01T09:30:00.000+0000",
                record("Contact", createdId, "CreatedDate").get("CreatedDate").asText());

        String updateId = bulk.run("{'object':'Contact','operation':'update'}",
                "Id,CreatedDate\n" + MARIA_CONTI_ID + ",2024-03-01T09:30:00.000Z\n");
        String refused = "INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: CreatedDate. Please check the"
                + " security settings of this field and verify that it is read/write for your profile or permission"
                + " set.:CreatedDate --";
        assertEquals(List.of(refused), failures(updateId).column("sf__Error"));

        String upsertId = bulk.run("{'object':'Referral__c','operation':'upsert','externalIdFieldName':'CX_Id__c'}",
                "CX_Id__c,Name,CreatedDate\nCX-4001,Backdated,2024-03-01T09:30:00.000Z\n");
        assertEquals(List.of(refused), failures(upsertId).column("sf__Error"));
    }

    @Test
    void shouldReadValuesAsTheirFieldsTypesAndNameTheColumnOfABadOne() {
        String jobId = bulk.run("{'object':'Task','operation':'insert'}",
                "Subject,CallDurationInSeconds,ActivityDate,Status\n"
                        + "Good call,125,2026-11-20,Completed\n"
                        + "Zulu date,60,2026-11-21Z,Completed\n"
                        + "Bad duration,two minutes,2026-11-20,Completed\n"
                        + "Bad date,60,20/11/2026,Completed\n");

        Map<String, Map<String, String>> written = successes(jobId).byColumn("Subject");
        JsonNode good = record("Task", written.get("Good call").get("sf__Id"), "CallDurationInSeconds,ActivityDate");
        assertEquals(125, good.get("CallDurationInSeconds").asInt());
        assertEquals("2026-11-20", good.get("ActivityDate").asText());
        assertEquals("2026-11-21", record("Task", written.get("Zulu date").get("sf__Id"), "ActivityDate")
                .get("ActivityDate").asText());
        Map<String, Map<String, String>> failed = failures(jobId).byColumn("Subject");
        assertEquals("INVALID_FIELD:Failed to deserialize field at col 2. Due to, 'two minutes' is not a valid value "
                + "for the type xsd:int:CallDurationInSeconds --", failed.get("Bad duration").get("sf__Error"));
        assertEquals("INVALID_FIELD:Failed to deserialize field at col 3. Due to, '20/11/2026' is not a valid value "
                + "for the type xsd:date:ActivityDate --", failed.get("Bad date").get("sf__Error"));
    }

    @Test
    void shouldReadBooleansAsXmlSchemaDoes() {
        String jobId = bulk.run("{'object':'Case','operation':'insert'}",
                "Subject,IsEscalated\nOne,1\nTrue,TRUE\nNo,0\nMaybe,maybe\n");

        Map<String, Map<String, String>> written = successes(jobId).byColumn("Subject");
        assertTrue(record("Case", written.get("One").get("sf__Id"), "IsEscalated").get("IsEscalated").asBoolean());
        assertTrue(record("Case", written.get("True").get("sf__Id"), "IsEscalated").get("IsEscalated").asBoolean());
        assertEquals(List.of("INVALID_FIELD:Failed to deserialize field at col 2. Due to, 'maybe' is not a valid value"
                + " for the type xsd:boolean:IsEscalated --"), failures(jobId).column("sf__Error"));
    }

    @Test
    void shouldReportTheReadOnlyFieldsARowTriesToWrite() {
        String jobId = bulk.run("{'object':'Contact','operation':'insert'}", "LastName,Name\nRossi,Mario Rossi\n");

        assertEquals(List.of("INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: Name. Please check the "
                + "security settings of this field and verify that it is read/write for your profile or permission "
                + "set.:Name --"), failures(jobId).column("sf__Error"));
    }

    @Test
    void shouldWriteRowsAsTheUserWhoCreatedTheJob() {
        String jobId = bulk.run("{'object':'Contact','operation':'insert'}", "LastName\nProprietario\n");

        JsonNode contact = record("Contact", successes(jobId).column("sf__Id").get(0), "OwnerId,CreatedById");
        assertEquals(bulk.info(jobId).json().get("createdById"), contact.get("CreatedById"));
        assertEquals(contact.get("CreatedById"), contact.get("OwnerId"));
    }

    @Test
    void shouldProcessManyRowsInBatchesAndCountThemAll() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 10_050; i++) {
            rows.add("Massa" + i);
        }
        String jobId = bulk.run("{'object':'Contact','operation':'insert'}", "LastName\n" + String.join("\n", rows));

        JsonNode job = bulk.info(jobId).json();
        assertEquals(10_050, job.get("numberRecordsProcessed").asLong());
        assertEquals(0, job.get("numberRecordsFailed").asLong());
        assertEquals(10_050, successes(jobId).rows().size());
    }
}
