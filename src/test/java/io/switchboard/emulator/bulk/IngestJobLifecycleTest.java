package io.switchboard.emulator.bulk;

import static io.switchboard.emulator.bulk.BulkClient.assertRefused;
import static io.switchboard.emulator.bulk.BulkClient.names;
import static io.switchboard.emulator.seed.SeededOrg.INTEGRATION_USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ingest job's life over HTTP: uploads only while Open, nothing processed before UploadComplete, processing in
 * the background (InProgress, then JobComplete or Failed), abort, delete and the list of all jobs.
 */
class IngestJobLifecycleTest extends EmulatorFixture {
    private static final String INSERT_CONTACTS = "{'object':'Contact','operation':'insert'}";
    private BulkClient bulk;

    @BeforeEach
    void bulkClient() {
        bulk = new BulkClient(client);
    }

    private void admin(String settings) {
        assertEquals(204, client.raw("POST", "/__admin/settings", settings, null).status());
    }

    private int contactsNamed(String lastName) {
        Answer answer = client.get("/query?q=" + client.encode(
                "SELECT Id FROM Contact WHERE LastName = '" + lastName + "'"));
        return answer.json().get("totalSize").asInt();
    }

    @Test
    void shouldAcceptAnUploadWithNoBodyInTheAnswer() {
        String jobId = bulk.open(INSERT_CONTACTS);

        Answer uploaded = bulk.upload(jobId, "LastName\nRossi\n");

        assertEquals(201, uploaded.status());
        assertEquals("", uploaded.response().body());
    }

    @Test
    void shouldProcessNothingBeforeUploadComplete() throws InterruptedException {
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.uploaded(jobId, "LastName\nUnclosed\n");
        Thread.sleep(200);

        Answer info = bulk.info(jobId);

        assertEquals("Open", info.json().get("state").asText());
        assertEquals(0, contactsNamed("Unclosed"));
        assertFalse(info.json().has("numberRecordsProcessed"), "an Open job reports no counts: " + info.json());
    }

    @Test
    void shouldAnswerUploadCompleteWithTheShortJobInfo() {
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.uploaded(jobId, "LastName\nRossi\n");

        Answer closed = bulk.state(jobId, "UploadComplete");

        assertEquals(200, closed.status(), closed.response().body());
        assertEquals(List.of("id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state",
                "concurrencyMode", "contentType", "apiVersion"), names(closed.json()));
        assertEquals("UploadComplete", closed.json().get("state").asText());
        assertEquals(jobId, closed.json().get("id").asText());
    }

    @Test
    void shouldBeSeenInProgressThenCompleteWithItsCounts() {
        admin(json("{'bulkChunkDelayMillis':400}"));
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.uploaded(jobId, "LastName\nVerdi\nBianchi\n");
        bulk.state(jobId, "UploadComplete");

        Answer inProgress = bulk.awaitState(jobId, List.of("InProgress", "JobComplete"));
        assertEquals("InProgress", inProgress.json().get("state").asText(), inProgress.json().toString());
        assertEquals(0, inProgress.json().get("numberRecordsProcessed").asLong());
        assertEquals(0, contactsNamed("Verdi"));

        JsonNode done = bulk.awaitFinished(jobId).json();
        assertEquals("JobComplete", done.get("state").asText());
        assertEquals(List.of("id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state",
                "concurrencyMode", "contentType", "apiVersion", "jobType", "lineEnding", "columnDelimiter",
                "numberRecordsProcessed", "numberRecordsFailed", "retries", "totalProcessingTime",
                "apiActiveProcessingTime", "apexProcessingTime"), names(done));
        assertEquals("V2Ingest", done.get("jobType").asText());
        assertEquals(2, done.get("numberRecordsProcessed").asLong());
        assertEquals(0, done.get("numberRecordsFailed").asLong());
        assertEquals(0, done.get("retries").asInt());
        assertTrue(done.get("totalProcessingTime").asLong() >= 400, done.toString());
        assertEquals(0, done.get("apexProcessingTime").asLong());
        assertEquals(1, contactsNamed("Verdi"));
        assertEquals(INTEGRATION_USER_ID, done.get("createdById").asText());
    }

    @Test
    void shouldReportAnOpenJobWithItsUploadUrl() {
        String jobId = bulk.open(INSERT_CONTACTS);

        JsonNode open = bulk.info(jobId).json();

        assertEquals(List.of("id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state",
                "concurrencyMode", "contentType", "apiVersion", "jobType", "contentUrl", "lineEnding",
                "columnDelimiter", "retries", "totalProcessingTime", "apiActiveProcessingTime", "apexProcessingTime"),
                names(open));
        assertEquals("services/data/v60.0/jobs/ingest/" + jobId + "/batches", open.get("contentUrl").asText());
    }

    @Test
    void shouldProcessEveryUploadOfTheJob() {
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.uploaded(jobId, "LastName\nPrimo\n");
        bulk.uploaded(jobId, "LastName\nSecondo\nTerzo\n");

        JsonNode done = bulk.closeAndAwait(jobId).json();

        assertEquals(3, done.get("numberRecordsProcessed").asLong());
        assertEquals(1, contactsNamed("Primo"));
        assertEquals(1, contactsNamed("Terzo"));
    }

    @Test
    void shouldFailAJobWhoseHeaderNamesAFieldTheObjectDoesNotHave() {
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.uploaded(jobId, "LastName,Shoe_Size__c,Nickname__c\nRossi,42,Ross\n");

        JsonNode failed = bulk.closeAndAwait(jobId).json();

        assertEquals("Failed", failed.get("state").asText());
        assertEquals("InvalidBatch : Field name not found : Shoe_Size__c", failed.get("errorMessage").asText());
        assertEquals(0, failed.get("numberRecordsProcessed").asLong());
        assertEquals(0, contactsNamed("Rossi"));
        assertEquals("LastName,Shoe_Size__c,Nickname__c\n\"Rossi\",\"42\",\"Ross\"\n",
                bulk.results(jobId, "unprocessedrecords"));
        assertEquals("\"sf__Id\",\"sf__Created\"\n", bulk.results(jobId, "successfulResults"));
    }

    @Test
    void shouldFailAJobWhoseLaterUploadHasAnotherHeader() {
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.uploaded(jobId, "LastName\nRossi\n");
        bulk.uploaded(jobId, "LastName,FirstName\nBianchi,Luca\n");

        JsonNode failed = bulk.closeAndAwait(jobId).json();

        assertEquals("Failed", failed.get("state").asText());
        assertEquals("InvalidBatch : Every upload of a job must have the same header row",
                failed.get("errorMessage").asText());
        assertEquals(0, contactsNamed("Rossi"));
    }

    @Test
    void shouldCompleteAJobClosedWithoutData() {
        String jobId = bulk.open(INSERT_CONTACTS);

        JsonNode done = bulk.closeAndAwait(jobId).json();

        assertEquals("JobComplete", done.get("state").asText());
        assertEquals(0, done.get("numberRecordsProcessed").asLong());
    }

    @Test
    void shouldRefuseUploadsOnceTheJobIsClosedOrAborted() {
        String closedId = bulk.open(INSERT_CONTACTS);
        bulk.state(closedId, "UploadComplete");
        String abortedId = bulk.open(INSERT_CONTACTS);
        bulk.state(abortedId, "Aborted");

        // the closed job moves on by itself, so the refusal names whichever state past Open it had at that moment
        Answer late = bulk.upload(closedId, "LastName\nLate\n");
        assertEquals(409, late.status(), late.response().body());
        assertEquals("INVALIDJOBSTATE", late.errorCode());
        assertTrue(late.message().matches("Job data can only be uploaded while the job is Open\\. The job is "
                + "(UploadComplete|InProgress|JobComplete)"), late.message());
        assertRefused(bulk.upload(abortedId, "LastName\nLate\n"), 409, "INVALIDJOBSTATE",
                "Job data can only be uploaded while the job is Open. The job is Aborted");
        bulk.awaitFinished(closedId);
        assertEquals(0, contactsNamed("Late"));
    }

    @Test
    void shouldRefuseAnUploadThatIsNotCsv() {
        String jobId = bulk.open(INSERT_CONTACTS);

        Answer answer = client.send("PUT", BulkClient.INGEST + "/" + jobId + "/batches", "application/json",
                "{\"LastName\":\"Rossi\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertRefused(answer, 415, "UNSUPPORTED_MEDIA_TYPE",
                "Content type 'application/json' is not supported for job data uploads. Use text/csv");
        Answer withCharset = client.send("PUT", BulkClient.INGEST + "/" + jobId + "/batches",
                "text/csv; charset=UTF-8", "LastName\nRossi\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(201, withCharset.status(), withCharset.response().body());
    }

    @Test
    void shouldAbortAnOpenJobAndReportEveryRowAsUnprocessed() {
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.uploaded(jobId, "LastName,Title\nRossi,\"Director, Sales\"\nBianchi,Agent\n");

        Answer aborted = bulk.state(jobId, "Aborted");

        assertEquals(200, aborted.status(), aborted.response().body());
        assertEquals("Aborted", aborted.json().get("state").asText());
        String unprocessed = bulk.results(jobId, "unprocessedrecords");
        assertTrue(unprocessed.startsWith("LastName,Title\n"), unprocessed);
        assertTrue(unprocessed.contains("\"Rossi\",\"Director, Sales\"\n"), unprocessed);
        assertTrue(unprocessed.contains("\"Bianchi\",\"Agent\"\n"), unprocessed);
        assertEquals("Aborted", bulk.info(jobId).json().get("state").asText());
        assertEquals(0, contactsNamed("Rossi"));
    }

    @Test
    void shouldStopAJobAbortedWhileInProgress() {
        admin(json("{'bulkChunkDelayMillis':1000}"));
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.uploaded(jobId, "LastName\nInterrotto\n");
        bulk.state(jobId, "UploadComplete");
        bulk.awaitState(jobId, List.of("InProgress"));

        Answer aborted = bulk.state(jobId, "Aborted");

        assertEquals("Aborted", aborted.json().get("state").asText());
        admin(json("{'bulkChunkDelayMillis':0}"));
        assertEquals("LastName\n\"Interrotto\"\n", bulk.results(jobId, "unprocessedrecords"));
        assertEquals(0, contactsNamed("Interrotto"));
        assertEquals("Aborted", bulk.info(jobId).json().get("state").asText());
    }

    @Test
    void shouldRefuseStateChangesTheJobCannotMake() {
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.closeAndAwait(jobId);

        assertRefused(bulk.state(jobId, "UploadComplete"), 409, "INVALIDJOBSTATE",
                "Only an Open job can be set to UploadComplete. The job is JobComplete");
        assertRefused(bulk.state(jobId, "Aborted"), 409, "INVALIDJOBSTATE",
                "A job in state JobComplete can't be aborted");
        assertRefused(bulk.state(jobId, "JobComplete"), 400, "INVALIDJOBSTATE",
                "Invalid state: JobComplete. A job's state can be set to UploadComplete or Aborted");
        assertRefused(client.patch(BulkClient.INGEST + "/" + jobId, "{}"), 400, "INVALIDJOBSTATE",
                "state is required");
        assertRefused(client.patch(BulkClient.INGEST + "/" + jobId, "{\"state\":\"Aborted\",\"object\":\"Lead\"}"),
                400, "JSON_PARSER_ERROR", "Unrecognized field \"object\"");
    }

    @Test
    void shouldAcceptTheJobIdThatClientsRepeatInTheStateChange() {
        String jobId = bulk.open(INSERT_CONTACTS);

        Answer closed = client.patch(BulkClient.INGEST + "/" + jobId,
                "{\"id\":\"" + jobId + "\",\"state\":\"UploadComplete\"}");

        assertEquals(200, closed.status(), closed.response().body());
    }

    @Test
    void shouldAnswerNotFoundForAJobThatDoesNotExist() {
        String unknown = "7508d0000000999AAA";

        assertRefused(bulk.info(unknown), 404, "NOT_FOUND", "The requested resource does not exist");
        assertRefused(bulk.upload(unknown, "LastName\nRossi\n"), 404, "NOT_FOUND",
                "The requested resource does not exist");
        assertRefused(bulk.info("not-a-job"), 404, "NOT_FOUND", "The requested resource does not exist");
    }

    @Test
    void shouldDeleteAFinishedJobAndForgetIt() {
        String jobId = bulk.run(INSERT_CONTACTS, "LastName\nCancellato\n");

        Answer deleted = client.delete(BulkClient.INGEST + "/" + jobId);

        assertEquals(204, deleted.status(), deleted.response().body());
        assertRefused(bulk.info(jobId), 404, "NOT_FOUND", "The requested resource does not exist");
        assertEquals(1, contactsNamed("Cancellato"), "deleting a job leaves the records it wrote");
    }

    @Test
    void shouldRefuseToDeleteAnOpenJob() {
        String jobId = bulk.open(INSERT_CONTACTS);

        assertRefused(client.delete(BulkClient.INGEST + "/" + jobId), 409, "INVALIDJOBSTATE",
                "A job in state Open can't be deleted. Only jobs in state UploadComplete, JobComplete, Aborted or "
                        + "Failed can be");
        assertEquals("Open", bulk.info(jobId).json().get("state").asText());
    }

    @Test
    void shouldRefuseToDeleteAJobWhileItIsProcessed() {
        admin(json("{'bulkChunkDelayMillis':1000}"));
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.uploaded(jobId, "LastName\nInLavorazione\n");
        bulk.state(jobId, "UploadComplete");
        bulk.awaitState(jobId, List.of("InProgress"));

        assertRefused(client.delete(BulkClient.INGEST + "/" + jobId), 409, "INVALIDJOBSTATE", "A job in state "
                + "InProgress can't be deleted. Only jobs in state UploadComplete, JobComplete, Aborted or Failed "
                + "can be");
    }

    @Test
    void shouldDeleteAnAbortedJob() {
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.state(jobId, "Aborted");

        assertEquals(204, client.delete(BulkClient.INGEST + "/" + jobId).status());
        assertRefused(bulk.info(jobId), 404, "NOT_FOUND", "The requested resource does not exist");
    }

    @Test
    void shouldListEveryJobOfTheOrg() {
        String first = bulk.open(INSERT_CONTACTS);
        String second = bulk.run("{'object':'Account','operation':'insert'}", "Name\nAcme Bulk\n");

        Answer listed = client.get(BulkClient.INGEST);

        assertEquals(200, listed.status(), listed.response().body());
        assertEquals(List.of("done", "records", "nextRecordsUrl"), names(listed.json()));
        assertTrue(listed.json().get("done").asBoolean());
        assertTrue(listed.json().get("nextRecordsUrl").isNull());
        List<JsonNode> records = StreamSupport.stream(listed.json().get("records").spliterator(), false).toList();
        assertEquals(List.of(first, second), records.stream().map(job -> job.get("id").asText()).toList());
        assertEquals(List.of("id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state",
                "concurrencyMode", "contentType", "apiVersion", "jobType", "contentUrl", "lineEnding",
                "columnDelimiter"), names(records.get(0)));
        assertEquals("JobComplete", records.get(1).get("state").asText());
        assertFalse(records.get(1).has("contentUrl"), "only an Open job has an upload URL");
        assertEquals(0, client.get(BulkClient.INGEST + "?jobType=Classic").json().get("records").size());
        assertEquals(2, client.get(BulkClient.INGEST + "?jobType=V2Ingest").json().get("records").size());
    }

    @Test
    void shouldListAThousandJobsAPageAndLinkTheNextPage() {
        for (int i = 0; i < 1001; i++) {
            bulk.open(INSERT_CONTACTS);
        }

        Answer first = client.get(BulkClient.INGEST);

        assertFalse(first.json().get("done").asBoolean());
        assertEquals(1000, first.json().get("records").size());
        String next = first.json().get("nextRecordsUrl").asText();
        assertTrue(next.startsWith("/services/data/v60.0/jobs/ingest?queryLocator="), next);
        Answer second = client.authorized("GET", next, null, Map.of());
        assertTrue(second.json().get("done").asBoolean());
        assertEquals(1, second.json().get("records").size());
        assertNull(second.json().get("nextRecordsUrl").textValue());
        assertRefused(client.get(BulkClient.INGEST + "?queryLocator=nonsense"), 400, "INVALID_QUERY_LOCATOR",
                "invalid query locator");
    }
}
