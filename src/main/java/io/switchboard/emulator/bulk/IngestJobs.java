package io.switchboard.emulator.bulk;

import io.switchboard.emulator.api.RecordSource;
import io.switchboard.emulator.records.Ids;
import io.switchboard.emulator.records.RecordWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The org's Bulk API 2.0 ingest jobs and the worker that processes them. A closed job is processed on a background
 * thread in internal batches of {@value #BATCH_ROWS} rows, as Salesforce splits job data; each batch waits the
 * chunk delay first, so clients and tests see the job InProgress. Rows are processed in an order shuffled per job,
 * as Salesforce's parallel batches finish in no particular order, so results never come back in upload order.
 */
public final class IngestJobs implements AutoCloseable {
    /**
     * The most one upload may hold: Salesforce takes 150 MB of job data per upload once base64 encoded
     * (150 * 1024 * 1024 base64 characters carry this many bytes).
     */
    public static final long MAX_UPLOAD_BYTES = 150L * 1024 * 1024 / 4 * 3;
    /** The default wait before each internal batch, long enough to watch a job InProgress. */
    public static final long DEFAULT_CHUNK_DELAY_MILLIS = 25;
    static final int BATCH_ROWS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(IngestJobs.class);
    private static final String JOB_KEY_PREFIX = "750";

    private final Map<String, IngestJob> jobs = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final IngestRowWriter rows;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "salesforce-emulator-bulk");
        thread.setDaemon(true);
        return thread;
    });
    /** Held while a batch is written, so a reset never races a batch into the fresh org. */
    private final Object writing = new Object();
    private volatile long chunkDelayMillis = DEFAULT_CHUNK_DELAY_MILLIS;

    public IngestJobs(RecordWriter writer, RecordSource records, Clock clock) {
        this.rows = new IngestRowWriter(writer, records);
        this.clock = clock;
    }

    /** The wait before each internal batch of every job; 0 processes as fast as the org writes. */
    public void chunkDelayMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("bulkChunkDelayMillis must not be negative");
        }
        chunkDelayMillis = millis;
    }

    /** Forgets every job, stopping any being processed; the chunk delay goes back to its default. */
    public void reset() {
        synchronized (writing) {
            synchronized (jobs) {
                jobs.values().forEach(IngestJob::discard);
                jobs.clear();
            }
        }
        chunkDelayMillis = DEFAULT_CHUNK_DELAY_MILLIS;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    IngestJob create(JobDefinition definition, String apiVersion, String userId) {
        long next = sequence.incrementAndGet();
        IngestJob job = new IngestJob(Ids.of(JOB_KEY_PREFIX, next), next, definition, apiVersion, userId,
                clock.instant());
        synchronized (jobs) {
            jobs.put(job.id(), job);
        }
        return job;
    }

    /** A job by its 18 or 15 character id. */
    Optional<IngestJob> find(String id) {
        if (!Ids.isValid(id)) {
            return Optional.empty();
        }
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(Ids.canonical(id)));
        }
    }

    /** Every job, oldest first. */
    List<IngestJob> all() {
        synchronized (jobs) {
            return new ArrayList<>(jobs.values());
        }
    }

    void delete(IngestJob job) {
        synchronized (jobs) {
            job.checkDeletable();
            job.discard();
            jobs.remove(job.id());
        }
    }

    /** Closes the job for uploads and queues it for processing; answers the job as closed. */
    JobSnapshot uploadComplete(IngestJob job) {
        JobSnapshot closed = job.uploadComplete(clock.instant());
        schedule(() -> start(job), 0);
        return closed;
    }

    JobSnapshot abort(IngestJob job) {
        return job.abort(clock.instant());
    }

    /** The header of the unprocessed rows: read from the uploads when processing never reached the data. */
    List<String> unprocessedHeader(JobSnapshot snapshot, List<byte[]> uploads) {
        return snapshot.columns().isEmpty() ? readOrEmpty(uploads, snapshot.definition()).header() : snapshot.columns();
    }

    /** The rows not processed, in processing order: all the uploaded ones when processing never read them. */
    List<List<String>> unprocessedRows(JobSnapshot snapshot, List<byte[]> uploads) {
        return snapshot.columns().isEmpty() && snapshot.processed() == 0
                ? shuffled(readOrEmpty(uploads, snapshot.definition()).rows(), snapshot.sequence())
                : snapshot.unprocessed();
    }

    private static JobData readOrEmpty(List<byte[]> uploads, JobDefinition definition) {
        try {
            return JobData.read(uploads, definition);
        } catch (JobFailure unreadable) {
            return new JobData(List.of(), List.of());
        }
    }

    private void start(IngestJob job) {
        if (!job.start(clock.instant())) {
            return;
        }
        try {
            JobData data = JobData.read(job.uploads(), job.definition());
            JobColumns columns = JobColumns.resolve(job.definition().object(), data.header());
            job.prepared(columns, shuffled(data.rows(), job.sequence()));
        } catch (JobFailure failure) {
            job.fail(failure, clock.instant());
            return;
        }
        schedule(() -> nextBatch(job), chunkDelayMillis);
    }

    private void nextBatch(IngestJob job) {
        try {
            boolean more;
            synchronized (writing) {
                if (!job.proceeding()) {
                    return;
                }
                writeBatch(job);
                more = job.hasUnprocessed();
            }
            if (more) {
                schedule(() -> nextBatch(job), chunkDelayMillis);
            } else {
                job.complete(clock.instant());
            }
        } catch (RuntimeException unexpected) {
            LOG.error("Emulator failed processing Bulk API job {}", job.id(), unexpected);
            job.fail(JobFailure.unknown(unexpected), clock.instant());
        }
    }

    private void writeBatch(IngestJob job) {
        List<List<String>> batch = job.nextBatch(BATCH_ROWS);
        long started = System.nanoTime();
        List<RowOutcome> outcomes = rows.write(job.definition(), job.columns(), batch, job.createdById());
        job.record(outcomes, (System.nanoTime() - started) / 1_000_000, clock.instant());
    }

    private void schedule(Runnable step, long delayMillis) {
        try {
            worker.schedule(step, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("Emulator stopped; Bulk API work not scheduled");
        }
    }

    /**
     * The rows in this job's processing order: a shuffle seeded by the job, so runs repeat, and never the upload
     * order itself, so a client matching results to its rows by position is caught.
     */
    private static List<List<String>> shuffled(List<List<String>> rows, long seed) {
        List<List<String>> order = new ArrayList<>(rows);
        Collections.shuffle(order, new Random(seed));
        if (order.size() > 1 && order.equals(rows)) {
            Collections.rotate(order, 1);
        }
        return order;
    }
}
