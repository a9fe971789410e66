package io.switchboard.emulator.bulk;

import io.switchboard.emulator.records.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JobInfo answers of the ingest resources, with the properties, order and types of Salesforce's documented
 * examples ({@code apiVersion} a number such as {@code 66.0}, datetimes such as {@code 2022-01-02T21:33:43.000+0000}).
 */
final class JobViews {
    private static final String CONCURRENCY_MODE = "Parallel";
    private static final String CONTENT_TYPE = "CSV";
    private static final String JOB_TYPE = "V2Ingest";

    private JobViews() {
    }

    /** The answer of Create Job. */
    static Map<String, Object> created(JobSnapshot job) {
        Map<String, Object> view = core(job);
        view.put("contentUrl", contentUrl(job));
        format(view, job);
        return view;
    }

    /** The answer of Upload Complete and Abort: the documented example stops at apiVersion. */
    static Map<String, Object> changed(JobSnapshot job) {
        return core(job);
    }

    /** The answer of Get Job Info: counts once the job has left Open, errorMessage only for a failed job. */
    static Map<String, Object> info(JobSnapshot job) {
        Map<String, Object> view = core(job);
        view.put("jobType", JOB_TYPE);
        if (job.state() == JobState.OPEN) {
            view.put("contentUrl", contentUrl(job));
        }
        format(view, job);
        if (job.state() != JobState.OPEN) {
            view.put("numberRecordsProcessed", job.processed());
            view.put("numberRecordsFailed", job.failed());
        }
        if (job.errorMessage() != null) {
            view.put("errorMessage", job.errorMessage());
        }
        view.put("retries", 0);
        view.put("totalProcessingTime", job.totalProcessingMillis());
        view.put("apiActiveProcessingTime", job.activeProcessingMillis());
        view.put("apexProcessingTime", 0);
        return view;
    }

    /** One job as Get All Jobs lists it. */
    static Map<String, Object> listed(JobSnapshot job) {
        Map<String, Object> view = core(job);
        view.put("jobType", JOB_TYPE);
        if (job.state() == JobState.OPEN) {
            view.put("contentUrl", contentUrl(job));
        }
        format(view, job);
        return view;
    }

    private static Map<String, Object> core(JobSnapshot job) {
        JobDefinition definition = job.definition();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("operation", definition.operation().apiName());
        view.put("object", definition.object().name());
        view.put("createdById", job.createdById());
        view.put("createdDate", Timestamps.format(job.createdDate()));
        view.put("systemModstamp", Timestamps.format(job.systemModstamp()));
        view.put("state", job.state().apiName());
        if (definition.externalIdField() != null) {
            view.put("externalIdFieldName", definition.externalIdField().name());
        }
        if (definition.assignmentRuleId() != null) {
            view.put("assignmentRuleId", definition.assignmentRuleId());
        }
        view.put("concurrencyMode", CONCURRENCY_MODE);
        view.put("contentType", CONTENT_TYPE);
        view.put("apiVersion", Double.parseDouble(job.apiVersion()));
        return view;
    }

    private static void format(Map<String, Object> view, JobSnapshot job) {
        view.put("lineEnding", job.definition().lineEnding().name());
        view.put("columnDelimiter", job.definition().columnDelimiter().name());
    }

    /**
     * Relative, as Salesforce gives it. One of its documented examples omits the {@code v} of the version
     * ({@code services/data/66.0/...}), others keep it; the form with it is the one that resolves.
     */
    private static String contentUrl(JobSnapshot job) {
        return "services/data/v" + job.apiVersion() + "/jobs/ingest/" + job.id() + "/batches";
    }
}
