package io.switchboard.emulator.bulk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One Bulk API 2.0 ingest job and its life: open for uploads, closed or aborted by the client, then processed in
 * internal batches by the background worker. Every change holds the job's lock.
 */
final class IngestJob {
    private final String id;
    private final long sequence;
    private final JobDefinition definition;
    private final String apiVersion;
    private final String createdById;
    private final Instant createdDate;
    private final List<byte[]> uploads = new ArrayList<>();
    private final List<RowOutcome> successes = new ArrayList<>();
    private final List<RowOutcome> failures = new ArrayList<>();
    private List<List<String>> unprocessed = new ArrayList<>();
    private JobColumns columns;
    private JobState state = JobState.OPEN;
    private Instant systemModstamp;
    private String errorMessage;
    private long startedNanos;
    private long totalProcessingMillis;
    private long activeProcessingMillis;
    private boolean discarded;

    IngestJob(String id, long sequence, JobDefinition definition, String apiVersion, String createdById,
              Instant createdDate) {
        this.id = id;
        this.sequence = sequence;
        this.definition = definition;
        this.apiVersion = apiVersion;
        this.createdById = createdById;
        this.createdDate = createdDate;
        this.systemModstamp = createdDate;
    }

    String id() {
        return id;
    }

    long sequence() {
        return sequence;
    }

    JobDefinition definition() {
        return definition;
    }

    String createdById() {
        return createdById;
    }

    // Not confirmed: the wordings of the refusals below; Salesforce only documents the states that allow each step.

    synchronized void upload(byte[] data) {
        if (state != JobState.OPEN) {
            throw BulkErrors.invalidState("Job data can only be uploaded while the job is Open. The job is "
                    + state.apiName());
        }
        uploads.add(data);
    }

    /** @return the job as this change left it, before the worker can take it further */
    synchronized JobSnapshot uploadComplete(Instant now) {
        if (state != JobState.OPEN) {
            throw BulkErrors.invalidState("Only an Open job can be set to UploadComplete. The job is "
                    + state.apiName());
        }
        change(JobState.UPLOAD_COMPLETE, now);
        return snapshot();
    }

    /** Rows already written stay written; the rest are reported as unprocessed. */
    synchronized JobSnapshot abort(Instant now) {
        if (!state.abortable()) {
            throw BulkErrors.invalidState("A job in state " + state.apiName() + " can't be aborted");
        }
        if (state == JobState.IN_PROGRESS) {
            totalProcessingMillis = elapsedMillis();
        }
        change(JobState.ABORTED, now);
        return snapshot();
    }

    synchronized void checkDeletable() {
        if (!state.deletable()) {
            throw BulkErrors.invalidState("A job in state " + state.apiName() + " can't be deleted. Only jobs in"
                    + " state UploadComplete, JobComplete, Aborted or Failed can be");
        }
    }

    /** Marks a deleted or reset job so the worker leaves it alone. */
    synchronized void discard() {
        discarded = true;
    }

    /** UploadComplete to InProgress; false when the job was aborted or deleted while it waited. */
    synchronized boolean start(Instant now) {
        if (discarded || state != JobState.UPLOAD_COMPLETE) {
            return false;
        }
        startedNanos = System.nanoTime();
        change(JobState.IN_PROGRESS, now);
        return true;
    }

    synchronized List<byte[]> uploads() {
        return List.copyOf(uploads);
    }

    /** The data has been read: its columns, and its rows in the order they will be processed. */
    synchronized void prepared(JobColumns columns, List<List<String>> rows) {
        this.columns = columns;
        this.unprocessed = new ArrayList<>(rows);
    }

    synchronized JobColumns columns() {
        return columns;
    }

    /** Whether the worker may go on with this job. */
    synchronized boolean proceeding() {
        return !discarded && state == JobState.IN_PROGRESS;
    }

    /** The next rows to process, still counted as unprocessed until {@link #record} takes them. */
    synchronized List<List<String>> nextBatch(int size) {
        return List.copyOf(unprocessed.subList(0, Math.min(size, unprocessed.size())));
    }

    synchronized boolean hasUnprocessed() {
        return !unprocessed.isEmpty();
    }

    synchronized void record(List<RowOutcome> outcomes, long activeMillis, Instant now) {
        unprocessed.subList(0, outcomes.size()).clear();
        outcomes.forEach(outcome -> (outcome.success() ? successes : failures).add(outcome));
        activeProcessingMillis += activeMillis;
        systemModstamp = now;
    }

    synchronized void complete(Instant now) {
        if (state == JobState.IN_PROGRESS) {
            finish(JobState.JOB_COMPLETE, now);
        }
    }

    synchronized void fail(JobFailure failure, Instant now) {
        if (state == JobState.IN_PROGRESS) {
            errorMessage = failure.errorMessage();
            finish(JobState.FAILED, now);
        }
    }

    synchronized JobSnapshot snapshot() {
        long total = state == JobState.IN_PROGRESS ? elapsedMillis() : totalProcessingMillis;
        return new JobSnapshot(id, sequence, definition, apiVersion, createdById, createdDate, systemModstamp, state,
                successes.size() + failures.size(), failures.size(), total, activeProcessingMillis, errorMessage,
                columns == null ? List.of() : columns.names(), successes, failures, unprocessed);
    }

    private void finish(JobState finalState, Instant now) {
        totalProcessingMillis = elapsedMillis();
        change(finalState, now);
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private void change(JobState next, Instant now) {
        state = next;
        systemModstamp = now;
    }
}
