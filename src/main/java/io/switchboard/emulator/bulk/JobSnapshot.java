package io.switchboard.emulator.bulk;

import java.time.Instant;
import java.util.List;

/**
 * An ingest job as it stands at one moment, for answers built without holding the job's lock.
 *
 * @param columns the uploaded header row, empty before processing has read it
 * @param unprocessed rows not processed (yet, or ever: after an abort or a failure), in processing order
 * @param errorMessage why the job failed, null unless it did
 */
record JobSnapshot(String id, long sequence, JobDefinition definition, String apiVersion, String createdById,
                   Instant createdDate, Instant systemModstamp, JobState state, long processed, long failed,
                   long totalProcessingMillis, long activeProcessingMillis, String errorMessage, List<String> columns,
                   List<RowOutcome> successes, List<RowOutcome> failures, List<List<String>> unprocessed) {
    JobSnapshot {
        columns = List.copyOf(columns);
        successes = List.copyOf(successes);
        failures = List.copyOf(failures);
        unprocessed = List.copyOf(unprocessed);
    }
}
