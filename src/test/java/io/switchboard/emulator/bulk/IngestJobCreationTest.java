package io.switchboard.emulator.bulk;

import static io.switchboard.emulator.bulk.BulkClient.assertRefused;
import static io.switchboard.emulator.bulk.BulkClient.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import io.switchboard.emulator.seed.SeededOrg;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Create Job ({@code POST /jobs/ingest}): the JobInfo Salesforce answers, and every job it refuses to create. */
class IngestJobCreationTest extends EmulatorFixture {
    private static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000";
    private BulkClient bulk;

    @BeforeEach
    void bulkClient() {
        bulk = new BulkClient(client);
    }

    @Test
    void shouldAnswerAnOpenJobWithTheDocumentedPropertiesInTheirOrder() {
        Answer created = bulk.create("{'object':'Contact','operation':'insert','contentType':'CSV','lineEnding':'LF',"
                + "'columnDelimiter':'COMMA'}");

        assertEquals(200, created.status(), created.response().body());
        JsonNode job = created.json();
        assertEquals(List.of("id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state",
                "concurrencyMode", "contentType", "apiVersion", "contentUrl", "lineEnding", "columnDelimiter"),
                names(job));
        String id = job.get("id").asText();
        assertTrue(id.matches("750[0-9A-Za-z]{15}"), id);
        assertEquals("insert", job.get("operation").asText());
        assertEquals("Contact", job.get("object").asText());
        assertEquals(SeededOrg.INTEGRATION_USER_ID, job.get("createdById").asText());
        assertTrue(job.get("createdDate").asText().matches(DATETIME), job.toString());
        assertEquals(job.get("createdDate"), job.get("systemModstamp"));
        assertEquals("Open", job.get("state").asText());
        assertEquals("Parallel", job.get("concurrencyMode").asText());
        assertEquals("CSV", job.get("contentType").asText());
        assertTrue(job.get("apiVersion").isNumber(), "apiVersion is a number, as Salesforce writes it: " + job);
        assertEquals(60.0, job.get("apiVersion").asDouble());
        assertEquals("services/data/v60.0/jobs/ingest/" + id + "/batches", job.get("contentUrl").asText());
        assertEquals("LF", job.get("lineEnding").asText());
        assertEquals("COMMA", job.get("columnDelimiter").asText());
    }

    @Test
    void shouldDefaultToCsvWithLineFeedsAndCommasAndSpellObjectAsTheSchemaDoes() {
        Answer created = bulk.create("{'object':'contact','operation':'delete'}");

        assertEquals(200, created.status(), created.response().body());
        assertEquals("Contact", created.json().get("object").asText());
        assertEquals("delete", created.json().get("operation").asText());
        assertEquals("CSV", created.json().get("contentType").asText());
        assertEquals("LF", created.json().get("lineEnding").asText());
        assertEquals("COMMA", created.json().get("columnDelimiter").asText());
    }

    @Test
    void shouldNameTheExternalIdFieldOfAnUpsertJobAfterItsState() {
        Answer created = bulk.create("{'object':'Referral__c','operation':'upsert','externalIdFieldName':'cx_id__c',"
                + "'lineEnding':'CRLF','columnDelimiter':'SEMICOLON'}");

        assertEquals(200, created.status(), created.response().body());
        JsonNode job = created.json();
        assertEquals(List.of("id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state",
                "externalIdFieldName", "concurrencyMode", "contentType", "apiVersion", "contentUrl", "lineEnding",
                "columnDelimiter"), names(job));
        assertEquals("CX_Id__c", job.get("externalIdFieldName").asText());
        assertEquals("CRLF", job.get("lineEnding").asText());
        assertEquals("SEMICOLON", job.get("columnDelimiter").asText());
    }

    @Test
    void shouldAcceptEveryDelimiterSalesforceOffers() {
        for (String delimiter : List.of("BACKQUOTE", "CARET", "COMMA", "PIPE", "SEMICOLON", "TAB")) {
            Answer created = bulk.create("{'object':'Account','operation':'insert','columnDelimiter':'" + delimiter
                    + "'}");
            assertEquals(200, created.status(), delimiter + ": " + created.response().body());
            assertEquals(delimiter, created.json().get("columnDelimiter").asText());
        }
    }

    @Test
    void shouldKeepTheApiVersionOfTheRequestThatCreatedTheJob() {
        Answer created = client.authorized("POST", "/services/data/v45.0/jobs/ingest",
                json("{'object':'Account','operation':'insert'}"), java.util.Map.of());

        assertEquals(200, created.status(), created.response().body());
        assertEquals(45.0, created.json().get("apiVersion").asDouble());
        assertTrue(created.json().get("contentUrl").asText().startsWith("services/data/v45.0/jobs/ingest/"));
    }

    @Test
    void shouldNotServeIngestJobsBeforeApiVersion41() {
        Answer answer = client.authorized("POST", "/services/data/v40.0/jobs/ingest",
                json("{'object':'Account','operation':'insert'}"), java.util.Map.of());

        assertRefused(answer, 404, "NOT_FOUND", "The requested resource does not exist");
    }

    @Test
    void shouldRefuseAnObjectTheOrgDoesNotHave() {
        assertRefused(bulk.create("{'object':'Invoice__c','operation':'insert'}"), 400, "INVALIDJOB",
                "Unable to find object: Invoice__c");
    }

    @Test
    void shouldRefuseAJobWithoutObject() {
        assertRefused(bulk.create("{'operation':'insert'}"), 400, "INVALIDJOB", "object is required");
    }

    @Test
    void shouldRefuseAnUpsertWithoutExternalIdField() {
        assertRefused(bulk.create("{'object':'Referral__c','operation':'upsert'}"), 400, "INVALIDJOB",
                "External ID was blank for Referral__c. An External ID must be specified for upsert.");
    }

    @Test
    void shouldRefuseAnUpsertOnAFieldThatIsNoExternalId() {
        assertRefused(bulk.create("{'object':'Referral__c','operation':'upsert','externalIdFieldName':'Name'}"),
                400, "INVALIDJOB", "Field Name is not an External ID, Salesforce Id, or indexed field for Referral__c");
    }

    @Test
    void shouldRefuseAnUpsertOnAFieldTheObjectDoesNotHave() {
        assertRefused(bulk.create("{'object':'Account','operation':'upsert','externalIdFieldName':'Erp_Id__c'}"),
                400, "INVALIDJOB", "Provided external ID field does not exist or is not accessible: Erp_Id__c");
    }

    @Test
    void shouldRefuseHardDeleteToAUserWithoutTheBulkApiHardDeletePermission() {
        assertRefused(bulk.create("{'object':'Contact','operation':'hardDelete'}"), 400, "FEATURENOTENABLED",
                "hardDelete operation requires special user profile permission, please contact your system "
                        + "administrator");
    }

    @Test
    void shouldRefuseOperationsContentTypesLineEndingsAndDelimitersBulkApiDoesNotHave() {
        assertRefused(bulk.create("{'object':'Contact','operation':'merge'}"), 400, "INVALIDJOB",
                "Invalid operation: merge. Valid values are insert, update, upsert, delete, hardDelete");
        assertRefused(bulk.create("{'object':'Contact','operation':'Insert'}"), 400, "INVALIDJOB",
                "Invalid operation: Insert. Valid values are insert, update, upsert, delete, hardDelete");
        assertRefused(bulk.create("{'object':'Contact'}"), 400, "INVALIDJOB", "operation is required");
        assertRefused(bulk.create("{'object':'Contact','operation':'insert','contentType':'JSON'}"), 400,
                "INVALIDJOB", "Invalid contentType: JSON. Valid values are CSV");
        assertRefused(bulk.create("{'object':'Contact','operation':'insert','lineEnding':'CR'}"), 400,
                "INVALIDJOB", "Invalid lineEnding: CR. Valid values are [LF, CRLF]");
        assertRefused(bulk.create("{'object':'Contact','operation':'insert','columnDelimiter':'COLON'}"), 400,
                "INVALIDJOB", "Invalid columnDelimiter: COLON. Valid values are [BACKQUOTE, CARET, COMMA, PIPE, "
                        + "SEMICOLON, TAB]");
    }

    @Test
    void shouldRefuseAPropertyAJobCannotBeCreatedWith() {
        assertRefused(bulk.create("{'object':'Contact','operation':'insert','state':'UploadComplete'}"), 400,
                "JSON_PARSER_ERROR", "Unrecognized field \"state\"");
    }

    @Test
    void shouldRefuseABodyThatIsNoJsonObject() {
        assertRefused(client.post(BulkClient.INGEST, "[]"), 400, "JSON_PARSER_ERROR",
                "Expected a JSON object for the request body");
    }

    @Test
    void shouldRefuseMethodsTheJobsResourceDoesNotTake() {
        Answer answer = client.delete(BulkClient.INGEST);

        assertEquals(405, answer.status());
        assertEquals("METHOD_NOT_ALLOWED", answer.errorCode());
        assertEquals("HTTP Method 'DELETE' not allowed. Allowed are GET,POST", answer.message());
    }

    @Test
    void shouldNotServeBulkQueryJobs() {
        Answer answer = client.get("/jobs/query");

        assertEquals(404, answer.status());
        assertEquals("NOT_FOUND", answer.errorCode());
    }
}
