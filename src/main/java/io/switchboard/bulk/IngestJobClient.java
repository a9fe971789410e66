package io.switchboard.bulk;

import io.switchboard.salesforce.ConnectionPausedException;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.SalesforceApiException;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.LineEndingEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;

/**
 * A Bulk API 2.0 ingest job driven through the connection's camel-salesforce {@code bulk2*} operations. Their
 * endpoints belong to the connection's component, so the engine's call guard watches each of them like any other
 * Salesforce call (session, usage, pause), and each request is first admitted by the connection's API allowance.
 * A request refused with 401 or for the allowance was not applied, so it is sent again; any other failure is the
 * caller's to weigh, since an upload whose answer was lost may have been taken.
 */
final class IngestJobClient {
    /** camel-salesforce reads the job of every operation but create from this header. */
    private static final String JOB_ID = "jobId";
    private static final int RENEWALS_PER_CALL = 2;

    private final ProducerTemplate template;
    private final String component;
    private final AllowanceWait allowance;

    IngestJobClient(CamelContext context, ConnectionSettings connection, AllowanceWait allowance) {
        this.template = context.createProducerTemplate();
        this.component = connection.componentName();
        this.allowance = allowance;
    }

    /** Opens a CSV job with LF line endings: an update by Id, or an upsert by {@code externalIdField}. */
    Job create(String sobject, String externalIdField) {
        Job job = new Job();
        job.setObject(sobject);
        job.setOperation(externalIdField == null ? OperationEnum.UPDATE : OperationEnum.UPSERT);
        job.setExternalIdFieldName(externalIdField);
        job.setContentType(ContentTypeEnum.CSV);
        job.setLineEnding(LineEndingEnum.LF);
        return call("bulk2CreateJob", null, job, Job.class);
    }

    void upload(String jobId, byte[] csv) {
        call("bulk2CreateBatch", jobId, csv, Object.class);
    }

    Job close(String jobId) {
        return call("bulk2CloseJob", jobId, null, Job.class);
    }

    Job abort(String jobId) {
        return call("bulk2AbortJob", jobId, null, Job.class);
    }

    Job get(String jobId) {
        return call("bulk2GetJob", jobId, null, Job.class);
    }

    byte[] successfulResults(String jobId) {
        return call("bulk2GetSuccessfulResults", jobId, null, byte[].class);
    }

    byte[] failedResults(String jobId) {
        return call("bulk2GetFailedResults", jobId, null, byte[].class);
    }

    byte[] unprocessedRecords(String jobId) {
        return call("bulk2GetUnprocessedRecords", jobId, null, byte[].class);
    }

    private <T> T call(String operation, String jobId, Object body, Class<T> answerType) {
        String uri = component + ":" + operation;
        for (int renewals = 0; ; renewals++) {
            allowance.admit();
            Exchange answer = template.request(uri, exchange -> {
                if (jobId != null) {
                    exchange.getMessage().setHeader(JOB_ID, jobId);
                }
                exchange.getMessage().setBody(body);
            });
            Exception failed = answer.getException();
            if (failed == null) {
                return answer.getMessage().getBody(answerType);
            }
            SalesforceApiException failure = failed instanceof SalesforceApiException known ? known
                    : new SalesforceApiException(0, "CONNECTION_FAILED", String.valueOf(failed.getMessage()), List.of(),
                    failed);
            if (failure instanceof ConnectionPausedException paused) {
                allowance.waitFor(paused);
            } else if (!failure.sessionExpired() || renewals >= RENEWALS_PER_CALL) {
                throw failure;
            }
        }
    }

    /** Whether Salesforce no longer knows the job (deleted, or expired after its seven days). */
    static boolean unknownJob(SalesforceApiException failure) {
        return failure.status() == 404;
    }
}
