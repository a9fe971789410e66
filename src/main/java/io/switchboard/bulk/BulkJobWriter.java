package io.switchboard.bulk;

import io.switchboard.salesforce.SalesforceApiException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Sends the rows as one Bulk API 2.0 ingest job: opened (and journaled) before anything is uploaded, the rows
 * uploaded as CSV in as few uploads as the upload limit allows, closed, polled with a growing pause until it ends,
 * and its successful, failed and unprocessed records read back. Salesforce returns results in no particular order,
 * so each result is matched to its row by the row's key (the record id, or the external id upserted by), never by
 * position.
 */
final class BulkJobWriter {
    /** Job data per upload: Salesforce takes 150 MB once base64 encoded; this leaves room for that and a header. */
    static final int UPLOAD_BYTES = 100 * 1024 * 1024;
    private static final Duration FIRST_POLL = Duration.ofMillis(100);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(10);
    private static final Set<JobStateEnum> ENDED = Set.of(JobStateEnum.JOB_COMPLETE, JobStateEnum.FAILED,
            JobStateEnum.ABORTED);
    /** {@code sf__Error} reads {@code STATUS_CODE:message:fields --}. */
    private static final Pattern ERROR = Pattern.compile("([A-Z_]+):(.*?)(?::[^:]*--)?\\s*", Pattern.DOTALL);
    private static final CSVFormat RESULTS = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final IngestJobClient client;

    BulkJobWriter(IngestJobClient client) {
        this.client = client;
    }

    /** What an earlier run's job came to: the outcomes read back, and lines whose outcome cannot be known. */
    record Recovered(List<RowResult> results, Set<Integer> inDoubt, String report) {
    }

    List<RowResult> send(BulkTarget target, List<PreparedRow> rows, Progress progress, RunJournal journal)
            throws IOException {
        String keyField = keyField(target);
        Job created = client.create(target.sobject(), target.externalIdField().orElse(null));
        String jobId = created.getId();
        journal.jobOpened(jobId, rows);
        progress.say("Bulk API job " + jobId + " opened for " + rows.size() + " row(s)");
        try {
            for (byte[] upload : JobCsv.uploads(rows, keyField, UPLOAD_BYTES)) {
                client.upload(jobId, upload);
            }
            client.close(jobId);
        } catch (SalesforceApiException failed) {
            // an upload or the close may have been taken even though its answer was lost: the job's state says
            progress.say("the job's upload or close failed (" + failed.errorCode() + ": " + failed.getMessage()
                    + "); settling the job by its state");
            return settle(jobId, client.get(jobId).getState(), rows, target, progress, journal);
        }
        return finish(jobId, rows, target, progress, journal);
    }

    /**
     * Brings a job to its end and records its rows' outcomes: a job still open is aborted first, since a job that
     * was never closed has written nothing; a closed one is awaited. A job aborted here reports its rows
     * {@code NOT_PROCESSED}, so they are sent again by the next run.
     */
    private List<RowResult> settle(String jobId, JobStateEnum state, List<PreparedRow> rows, BulkTarget target,
                                   Progress progress, RunJournal journal) throws IOException {
        if (state == JobStateEnum.OPEN) {
            client.abort(jobId);
        }
        return finish(jobId, rows, target, progress, journal);
    }

    /** Awaits the job's end, reads its results and records them; then the job is settled. */
    private List<RowResult> finish(String jobId, List<PreparedRow> rows, BulkTarget target, Progress progress,
                                   RunJournal journal) throws IOException {
        Job ended = awaitEnd(jobId, progress, rows.size());
        List<RowResult> results = results(target, jobId, ended, rows);
        journal.recorded(results);
        journal.jobSettled(jobId);
        return results;
    }

    /**
     * An earlier run's job that it did not settle: an open one is aborted (a job never closed has written nothing),
     * a closed one awaited; then its results are read. A job Salesforce no longer knows leaves its lines in doubt.
     */
    Recovered recover(RunJournal.OpenJob open, Map<Integer, PreparedRow> rowsByLine, BulkTarget target,
                      Progress progress, RunJournal journal) throws IOException {
        List<PreparedRow> rows = open.lines().stream().map(rowsByLine::get).filter(row -> row != null).toList();
        Job job;
        try {
            job = client.get(open.id());
        } catch (SalesforceApiException failure) {
            if (!IngestJobClient.unknownJob(failure)) {
                throw failure;
            }
            journal.jobSettled(open.id());
            return new Recovered(List.of(), new LinkedHashSet<>(open.lines()), "Bulk API job " + open.id()
                    + " of the earlier run is gone from the org; its rows are read back");
        }
        String report = job.getState() == JobStateEnum.OPEN
                ? "Bulk API job " + open.id() + " of the earlier run was still open (never closed, nothing written): "
                        + "aborted; its rows are sent again"
                : "Bulk API job " + open.id() + " of the earlier run was " + stateName(job.getState())
                        + ": awaited and read, not opened again";
        return new Recovered(settle(open.id(), job.getState(), rows, target, progress, journal), Set.of(), report);
    }

    /**
     * Polls the job until it is complete, failed or aborted: each pause half as long again as the last, so a long job
     * costs few calls, but never much longer than the job's own pace says it has left, so a short one is not
     * noticed seconds late.
     */
    private Job awaitEnd(String jobId, Progress progress, int rows) {
        Duration pause = FIRST_POLL;
        long started = System.nanoTime();
        long succeeded = 0;
        long failed = 0;
        while (true) {
            Job job = client.get(jobId);
            long processed = orZero(job.getNumberRecordsProcessed());
            long failedNow = orZero(job.getNumberRecordsFailed());
            progress.sent((int) (processed - failedNow - succeeded), (int) (failedNow - failed));
            succeeded = processed - failedNow;
            failed = failedNow;
            if (ENDED.contains(job.getState())) {
                return job;
            }
            sleep(pause);
            pause = pause.multipliedBy(3).dividedBy(2);
            if (processed > 0) {
                long elapsed = System.nanoTime() - started;
                Duration left = Duration.ofNanos((long) (elapsed * (double) Math.max(0, rows - processed) / processed));
                pause = left.compareTo(pause) < 0 ? left : pause;
            }
            pause = pause.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : pause.compareTo(FIRST_POLL) < 0 ? FIRST_POLL : pause;
        }
    }

    private List<RowResult> results(BulkTarget target, String jobId, Job ended, List<PreparedRow> rows) {
        String keyField = keyField(target);
        Map<String, PreparedRow> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put(row.key(), row));
        Map<Integer, RowResult> results = new HashMap<>();
        for (CSVRecord record : parse(client.successfulResults(jobId))) {
            row(byKey, record, keyField).ifPresent(row -> {
                boolean created = target.externalIdField().isPresent() && "true".equalsIgnoreCase(record.get("sf__Created"));
                results.put(row.line(), new RowResult(row.line(), row.key(), record.get("sf__Id"),
                        created ? Outcome.CREATED : Outcome.UPDATED, "", ""));
            });
        }
        for (CSVRecord record : parse(client.failedResults(jobId))) {
            row(byKey, record, keyField).ifPresent(row -> {
                String error = record.get("sf__Error");
                Matcher parts = ERROR.matcher(error);
                boolean coded = parts.matches();
                results.put(row.line(), new RowResult(row.line(), row.key(), record.get("sf__Id"), Outcome.FAILED,
                        coded ? parts.group(1) : "UNKNOWN_ERROR", coded ? parts.group(2).strip() : error));
            });
        }
        String why = "not processed: the job ended " + stateName(ended.getState())
                + (ended.getErrorMessage() == null ? "" : " (" + ended.getErrorMessage() + ")");
        List<RowResult> all = new ArrayList<>();
        for (PreparedRow row : rows) {
            all.add(results.getOrDefault(row.line(), new RowResult(row.line(), row.key(), "", Outcome.FAILED,
                    "NOT_PROCESSED", why)));
        }
        return all;
    }

    private static Optional<PreparedRow> row(Map<String, PreparedRow> byKey, CSVRecord record, String keyField) {
        return record.isMapped(keyField) ? Optional.ofNullable(byKey.get(record.get(keyField))) : Optional.empty();
    }

    private static Iterable<CSVRecord> parse(byte[] csv) {
        String text = csv == null ? "" : new String(csv, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return List.of();
        }
        try (CSVParser parser = RESULTS.parse(new StringReader(text))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new SalesforceApiException(0, "UNREADABLE_RESULTS", "the job's results are not readable CSV: "
                    + e.getMessage(), List.of(), e);
        }
    }

    /** The column rows are matched by: the external id upserted by, or the record id. */
    static String keyField(BulkTarget target) {
        return target.externalIdField().orElse("Id");
    }

    /** The state as Salesforce spells it. */
    private static String stateName(JobStateEnum state) {
        return switch (state) {
            case OPEN -> "Open";
            case CLOSED -> "Closed";
            case UPLOAD_COMPLETE -> "UploadComplete";
            case IN_PROGRESS -> "InProgress";
            case ABORTED -> "Aborted";
            case JOB_COMPLETE -> "JobComplete";
            case FAILED -> "Failed";
        };
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Bulk API job", e);
        }
    }
}
