package io.switchboard.emulator.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.emulator.EmulatorClient;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import io.switchboard.emulator.admin.RequestLogEntry;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk API requests are API requests like any other: each counts once against the org's allowance, is logged and
 * counted per endpoint, waits the injected latency, can meet an injected fault, and needs a live session.
 */
class IngestTrafficTest extends EmulatorFixture {
    private static final String INSERT_CONTACTS = "{'object':'Contact','operation':'insert'}";
    private BulkClient bulk;

    @BeforeEach
    void bulkClient() {
        bulk = new BulkClient(client);
        client.raw("DELETE", "/__admin/requests", null, null);
    }

    private void admin(String path, String body) {
        assertEquals(204, client.raw("POST", "/__admin/" + path, json(body), null).status());
    }

    /** Sends the request and checks that it spent exactly one call, as its Sforce-Limit-Info also says. */
    private Answer oneCall(Supplier<Answer> request) {
        long before = emulator.admin().apiUsed();
        Answer answer = request.get();
        assertEquals(before + 1, emulator.admin().apiUsed(), answer.response().uri().toString());
        assertEquals(before + 1, apiUsage(answer), answer.response().uri().toString());
        return answer;
    }

    @Test
    void shouldCountEveryBulkRequestAsOneApiCallAndReportItInEachAnswer() {
        String jobId = oneCall(() -> bulk.create(INSERT_CONTACTS)).json().get("id").asText();
        String job = BulkClient.INGEST + "/" + jobId;
        assertEquals(201, oneCall(() -> bulk.upload(jobId, "LastName\nContato\n")).status());
        assertEquals(200, oneCall(() -> bulk.state(jobId, "UploadComplete")).status());
        bulk.awaitFinished(jobId);
        assertEquals(200, oneCall(() -> bulk.info(jobId)).status());
        for (String results : List.of("/successfulResults/", "/failedResults/", "/unprocessedrecords/")) {
            assertEquals(200, oneCall(() -> client.get(job + results)).status());
        }
        assertEquals(200, oneCall(() -> client.get(BulkClient.INGEST)).status());
        assertEquals(204, oneCall(() -> client.delete(job)).status());
    }

    @Test
    void shouldLogAndCountBulkRequestsByEndpoint() {
        String jobId = bulk.run(INSERT_CONTACTS, "LastName\nRegistrato\n");
        bulk.results(jobId, "successfulResults");
        bulk.results(jobId, "failedResults");
        bulk.results(jobId, "unprocessedrecords");
        client.get(BulkClient.INGEST);
        client.delete(BulkClient.INGEST + "/" + jobId);

        Map<String, Long> counters = emulator.admin().counters();
        assertEquals(1L, counters.get("POST /jobs/ingest"));
        assertEquals(1L, counters.get("PUT /jobs/ingest/{jobId}/batches"));
        assertEquals(1L, counters.get("PATCH /jobs/ingest/{jobId}"));
        assertTrue(counters.get("GET /jobs/ingest/{jobId}") >= 1, counters.toString());
        assertEquals(1L, counters.get("GET /jobs/ingest/{jobId}/successfulResults"));
        assertEquals(1L, counters.get("GET /jobs/ingest/{jobId}/failedResults"));
        assertEquals(1L, counters.get("GET /jobs/ingest/{jobId}/unprocessedrecords"));
        assertEquals(1L, counters.get("GET /jobs/ingest"));
        assertEquals(1L, counters.get("DELETE /jobs/ingest/{jobId}"));
        List<RequestLogEntry> uploads = emulator.admin().requests().stream()
                .filter(entry -> entry.method().equals("PUT")).toList();
        assertEquals(1, uploads.size());
        assertEquals("/services/data/v60.0/jobs/ingest/" + jobId + "/batches", uploads.get(0).path());
        assertEquals(201, uploads.get(0).status());
        assertEquals("integration@switchboard.example", uploads.get(0).user());
    }

    @Test
    void shouldWaitTheInjectedLatency() {
        admin("latency", "{'millis':150}");
        long started = System.nanoTime();

        bulk.create(INSERT_CONTACTS);

        assertTrue((System.nanoTime() - started) / 1_000_000 >= 150);
    }

    @Test
    void shouldAnswerAnInjectedFaultOnAnUploadWithoutTakingTheData() {
        admin("faults", "{'kind':'SERVER_UNAVAILABLE','count':1,'method':'PUT','pathContains':'/batches'}");
        String jobId = bulk.open(INSERT_CONTACTS);

        Answer refused = bulk.upload(jobId, "LastName\nPerso\n");

        assertEquals(503, refused.status());
        assertEquals("SERVER_UNAVAILABLE", refused.errorCode());
        bulk.uploaded(jobId, "LastName\nRitentato\n");
        bulk.closeAndAwait(jobId);
        assertEquals(List.of("Ritentato"), ResultCsv.parse(bulk.results(jobId, "successfulResults"))
                .column("LastName"));
    }

    @Test
    void shouldTakeTheUploadAndThenDropTheConnection() {
        admin("faults", "{'kind':'DROP_AFTER_WRITE','count':1,'method':'PUT','pathContains':'/batches'}");
        String jobId = bulk.open(INSERT_CONTACTS);

        assertThrows(UncheckedIOException.class, () -> bulk.upload(jobId, "LastName\nCaduto\n"));

        bulk.closeAndAwait(jobId);
        assertEquals(List.of("Caduto"), ResultCsv.parse(bulk.results(jobId, "successfulResults"))
                .column("LastName"));
    }

    @Test
    void shouldRefuseBulkRequestsOnceTheAllowanceIsSpent() {
        String jobId = bulk.open(INSERT_CONTACTS);
        admin("limits", "{'max':100,'used':100}");

        Answer refused = bulk.info(jobId);

        assertEquals(403, refused.status());
        assertEquals("REQUEST_LIMIT_EXCEEDED", refused.errorCode());
        assertEquals("TotalRequests Limit exceeded.", refused.message());
    }

    @Test
    void shouldAnswerAnExpiredSessionAsTheRestApiDoes() {
        String jobId = bulk.open(INSERT_CONTACTS);
        admin("sessions/expire", "{}");

        for (Answer answer : List.of(bulk.info(jobId), bulk.upload(jobId, "LastName\nX\n"),
                bulk.create(INSERT_CONTACTS), client.get(BulkClient.INGEST + "/" + jobId + "/successfulResults"))) {
            assertEquals(401, answer.status());
            assertEquals("INVALID_SESSION_ID", answer.errorCode());
            assertEquals("Session expired or invalid", answer.message());
        }
    }

    @Test
    void shouldNotBeReachableFromACompositeBatch() {
        Answer answer = client.post("/composite/batch", json("{'batchRequests':[{'method':'POST','url':'v"
                + EmulatorClient.VERSION + "/jobs/ingest','richInput':{'object':'Contact','operation':'insert'}}]}"));

        assertEquals(200, answer.status(), answer.response().body());
        assertEquals(404, answer.json().get("results").get(0).get("statusCode").asInt());
        assertEquals("NOT_FOUND", answer.json().get("results").get(0).get("result").get(0).get("errorCode").asText());
        assertEquals(0, client.get(BulkClient.INGEST).json().get("records").size());
    }

    @Test
    void shouldForgetEveryJobOnReset() {
        String jobId = bulk.open(INSERT_CONTACTS);

        assertEquals(204, client.raw("POST", "/__admin/reset", null, null).status());

        assertEquals(404, bulk.info(jobId).status());
        assertEquals(0, client.get(BulkClient.INGEST).json().get("records").size());
    }

    @Test
    void shouldStopProcessingAJobWhenTheOrgIsReset() throws InterruptedException {
        admin("settings", "{'bulkChunkDelayMillis':300}");
        String jobId = bulk.open(INSERT_CONTACTS);
        bulk.uploaded(jobId, "LastName\nDopoReset\n");
        bulk.state(jobId, "UploadComplete");

        emulator.admin().reset();
        Thread.sleep(500);

        Answer query = client.get("/query?q=" + EmulatorClient.encode(
                "SELECT Id FROM Contact WHERE LastName = 'DopoReset'"));
        assertEquals(0, query.json().get("totalSize").asInt());
    }

    @Test
    void shouldRefuseAnUploadLargerThan150MegabytesOfBase64() throws Exception {
        String jobId = bulk.open(INSERT_CONTACTS);
        long size = IngestJobs.MAX_UPLOAD_BYTES + 1;
        Supplier<InputStream> lotsOfData = () -> new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int chunk = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + chunk, (byte) 'x');
                left -= chunk;
                return chunk;
            }
        };
        HttpRequest upload = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/services/data/v"
                        + EmulatorClient.VERSION + BulkClient.INGEST + "/" + jobId + "/batches"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + client.accessToken())
                .header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(lotsOfData),
                        size))
                .build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("[{\"message\":\"Job data exceeds the limit of 150 MB of base64 encoded content (117964800 bytes"
                + " before encoding) per upload\",\"errorCode\":\"EXCEEDED_MAX_SIZE_REQUEST\"}]", answer.body());
        assertEquals(117_964_800L, IngestJobs.MAX_UPLOAD_BYTES);
        bulk.uploaded(jobId, "LastName\nPiccolo\n");
    }
}
