package io.switchboard.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.config.Configuration;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.admin.RequestLogEntry;
import io.switchboard.emulator.seed.SeededOrg;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Jobs;
import org.apache.camel.component.salesforce.api.dto.bulkv2.LineEndingEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * camel-salesforce's own Bulk API 2.0 operations, as the engine will use them, driving ingest jobs against the
 * emulator: proof that the component sends what the emulator takes and reads what the emulator answers.
 */
class Bulk2OperationsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static SalesforceEmulator emulator;
    private DefaultCamelContext context;
    private ProducerTemplate template;

    @BeforeAll
    static void startEmulator() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void startCamel() {
        emulator.admin().reset();
        Map<String, String> env = new HashMap<>(SeededOrg.connectionVariables(emulator.baseUrl()));
        env.put("SF_AUTH_TYPE", "USERNAME_PASSWORD");
        ConnectionSettings settings = Connections.load(Configuration.load(Path.of("config"), env::get)).get("default");
        context = new DefaultCamelContext();
        context.addComponent(settings.componentName(), SalesforceComponents.create(settings));
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() throws Exception {
        template.close();
        context.close();
    }

    private Job createJob(String object, OperationEnum operation) {
        Job job = new Job();
        job.setObject(object);
        job.setOperation(operation);
        job.setContentType(ContentTypeEnum.CSV);
        job.setLineEnding(LineEndingEnum.LF);
        return template.requestBody("salesforce:bulk2CreateJob", job, Job.class);
    }

    private Job awaitFinished(String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Job job = template.requestBody("salesforce:bulk2GetJob?jobId=" + jobId, null, Job.class);
            if (Set.of(JobStateEnum.JOB_COMPLETE, JobStateEnum.FAILED, JobStateEnum.ABORTED).contains(job.getState())) {
                return job;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }

    private String results(String operation, String jobId) throws Exception {
        try (InputStream csv = template.requestBody("salesforce:" + operation + "?jobId=" + jobId, null,
                InputStream.class)) {
            return new String(csv.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The rows of a result CSV after its header, sorted, as results come in no particular order. */
    private static List<String> sortedRows(String csv) {
        return Arrays.stream(csv.split("\n")).skip(1).sorted().toList();
    }

    @Test
    void shouldRunAWholeIngestJobThroughTheComponentsBulk2Operations() throws Exception {
        Job created = createJob("Contact", OperationEnum.INSERT);
        assertEquals(JobStateEnum.OPEN, created.getState());
        assertEquals("Contact", created.getObject());
        assertEquals(OperationEnum.INSERT, created.getOperation());
        assertEquals("62.0", created.getApiVersion());
        assertEquals(SeededOrg.INTEGRATION_USER_ID, created.getCreatedById());
        assertNotNull(created.getCreatedDate());
        assertEquals("services/data/v62.0/jobs/ingest/" + created.getId() + "/batches", created.getContentUrl());
        String jobId = created.getId();

        template.requestBody("salesforce:bulk2CreateBatch?jobId=" + jobId,
                "LastName,Title\nCamello,\"Rider, first class\"\nDromedario,Rider\n");
        template.requestBody("salesforce:bulk2CreateBatch?jobId=" + jobId, "LastName,Title\n,Nameless\n");
        Job closed = template.requestBody("salesforce:bulk2CloseJob?jobId=" + jobId, null, Job.class);
        assertEquals(JobStateEnum.UPLOAD_COMPLETE, closed.getState());

        Job done = awaitFinished(jobId);
        assertEquals(JobStateEnum.JOB_COMPLETE, done.getState());
        assertEquals(JobTypeEnum.V2INGEST, done.getJobType());
        assertEquals(3L, done.getNumberRecordsProcessed());
        assertEquals(1L, done.getNumberRecordsFailed());
        assertEquals(0, done.getRetries());
        assertNotNull(done.getSystemModstamp());

        String successes = results("bulk2GetSuccessfulResults", jobId);
        assertTrue(successes.startsWith("\"sf__Id\",\"sf__Created\",LastName,Title\n"), successes);
        List<String> written = sortedRows(successes);
        assertEquals(2, written.size(), successes);
        assertTrue(written.get(0).matches("\"003[0-9A-Za-z]{15}\",\"true\",\"Camello\",\"Rider, first class\""),
                written.get(0));
        assertTrue(written.get(1).endsWith(",\"true\",\"Dromedario\",\"Rider\""), written.get(1));
        assertEquals("\"sf__Id\",\"sf__Error\",LastName,Title\n\"\",\"REQUIRED_FIELD_MISSING:Required fields are "
                + "missing: [LastName]:LastName --\",\"\",\"Nameless\"\n", results("bulk2GetFailedResults", jobId));
        assertEquals("LastName,Title\n", results("bulk2GetUnprocessedRecords", jobId));

        Jobs all = template.requestBody("salesforce:bulk2GetAllJobs", null, Jobs.class);
        assertTrue(all.getDone());
        assertEquals(List.of(jobId), all.getRecords().stream().map(Job::getId).toList());

        template.sendBody("salesforce:bulk2DeleteJob?jobId=" + jobId, (Object) null);
        assertEquals(0, template.requestBody("salesforce:bulk2GetAllJobs", null, Jobs.class).getRecords().size());
    }

    @Test
    void shouldReadTheErrorMessageOfAFailedJob() throws Exception {
        String jobId = createJob("Contact", OperationEnum.INSERT).getId();
        template.requestBody("salesforce:bulk2CreateBatch?jobId=" + jobId, "LastName,Nickname__c\nRossi,Ross\n");
        template.requestBody("salesforce:bulk2CloseJob?jobId=" + jobId, null, Job.class);

        Job failed = awaitFinished(jobId);

        assertEquals(JobStateEnum.FAILED, failed.getState());
        assertEquals("InvalidBatch : Field name not found : Nickname__c", failed.getErrorMessage());
        assertEquals("LastName,Nickname__c\n\"Rossi\",\"Ross\"\n", results("bulk2GetUnprocessedRecords", jobId));
    }

    @Test
    void shouldAbortAJobAndLeaveItsRowsUnprocessed() throws Exception {
        String jobId = createJob("Contact", OperationEnum.INSERT).getId();
        template.requestBody("salesforce:bulk2CreateBatch?jobId=" + jobId, "LastName\nAbortito\n");

        Job aborted = template.requestBody("salesforce:bulk2AbortJob?jobId=" + jobId, null, Job.class);

        assertEquals(JobStateEnum.ABORTED, aborted.getState());
        assertEquals("LastName\n\"Abortito\"\n", results("bulk2GetUnprocessedRecords", jobId));
    }

    @Test
    void shouldSurfaceARefusalAsASalesforceExceptionWithSalesforcesErrorCode() {
        CamelExecutionException refused = assertThrows(CamelExecutionException.class,
                () -> createJob("Invoice__c", OperationEnum.INSERT));

        SalesforceException cause = assertInstanceOf(SalesforceException.class, refused.getCause());
        assertEquals(400, cause.getStatusCode());
        assertEquals("INVALIDJOB", cause.getErrors().get(0).getErrorCode());
        assertEquals("Unable to find object: Invoice__c", cause.getErrors().get(0).getMessage());
    }

    @Test
    void shouldLogInAgainAndCarryOnWhenTheSessionExpiresMidJob() throws Exception {
        String jobId = createJob("Contact", OperationEnum.INSERT).getId();
        emulator.admin().expireSessions();

        template.requestBody("salesforce:bulk2CreateBatch?jobId=" + jobId, "LastName\nRiloggato\n");
        template.requestBody("salesforce:bulk2CloseJob?jobId=" + jobId, null, Job.class);

        assertEquals(1L, awaitFinished(jobId).getNumberRecordsProcessed());
        List<RequestLogEntry> uploads = emulator.admin().requests().stream()
                .filter(entry -> entry.method().equals("PUT")).toList();
        assertEquals(List.of(401, 201), uploads.stream().map(RequestLogEntry::status).toList());
        String logins = emulator.admin().requests().stream()
                .filter(entry -> entry.path().equals("/services/oauth2/token"))
                .map(entry -> String.valueOf(entry.status())).collect(Collectors.joining(","));
        assertEquals("200,200", logins);
    }
}
