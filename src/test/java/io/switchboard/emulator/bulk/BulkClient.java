package io.switchboard.emulator.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient;
import io.switchboard.emulator.EmulatorClient.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Drives Bulk API 2.0 ingest jobs over HTTP the way a REST client does, for the emulator's tests. */
final class BulkClient {
    static final String INGEST = "/jobs/ingest";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final EmulatorClient client;

    BulkClient(EmulatorClient client) {
        this.client = client;
    }

    /** The property names of a JSON object, in their order. */
    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A Bulk API refusal: its status, errorCode and message, and no {@code fields}, which Bulk API errors never carry. */
    static void assertRefused(Answer answer, int status, String errorCode, String message) {
        assertEquals(status, answer.status(), answer.response().body());
        assertEquals(errorCode, answer.errorCode());
        assertEquals(message, answer.message());
        assertFalse(answer.json().get(0).has("fields"), "Bulk API errors carry no fields: " + answer.json());
    }

    /** POST /jobs/ingest with this JSON (single quotes for readability), answered as it is. */
    Answer create(String singleQuotedJson) {
        return client.post(INGEST, singleQuotedJson.replace('\'', '"'));
    }

    /** Creates a job and answers its id, failing the test unless Salesforce would have accepted it. */
    String open(String singleQuotedJson) {
        Answer created = create(singleQuotedJson);
        assertEquals(200, created.status(), created.response().body());
        return created.json().get("id").asText();
    }

    Answer upload(String jobId, String csv) {
        return client.send("PUT", INGEST + "/" + jobId + "/batches", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    void uploaded(String jobId, String csv) {
        Answer answer = upload(jobId, csv);
        assertEquals(201, answer.status(), answer.response().body());
    }

    Answer state(String jobId, String state) {
        return client.patch(INGEST + "/" + jobId, "{\"state\":\"" + state + "\"}");
    }

    Answer info(String jobId) {
        return client.get(INGEST + "/" + jobId);
    }

    /** Closes the job and polls until it has finished, answering its final JobInfo. */
    Answer closeAndAwait(String jobId) {
        Answer closed = state(jobId, "UploadComplete");
        assertEquals(200, closed.status(), closed.response().body());
        return awaitFinished(jobId);
    }

    /** Polls until the job is JobComplete, Failed or Aborted. */
    Answer awaitFinished(String jobId) {
        return awaitState(jobId, List.of("JobComplete", "Failed", "Aborted"));
    }

    /** Polls until the job's state is one of these, returning every state seen on the way as well. */
    Answer awaitState(String jobId, List<String> wanted) {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            Answer info = info(jobId);
            assertEquals(200, info.status(), info.response().body());
            String state = info.json().get("state").asText();
            seen.add(state);
            if (wanted.contains(state)) {
                return info;
            }
            pause();
        }
        return fail("job " + jobId + " never reached " + wanted + "; states seen: " + seen);
    }

    /** GET one of the job's result CSVs, as text. */
    String results(String jobId, String resource) {
        Answer answer = client.get(INGEST + "/" + jobId + "/" + resource + "/");
        assertEquals(200, answer.status(), answer.response().body());
        assertEquals("text/csv; charset=UTF-8", answer.header("Content-Type"));
        return answer.response().body();
    }

    /** Runs a whole job: create, upload, close, wait; answers the job id. */
    String run(String singleQuotedJson, String csv) {
        String jobId = open(singleQuotedJson);
        uploaded(jobId, csv);
        closeAndAwait(jobId);
        return jobId;
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
