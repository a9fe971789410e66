package io.switchboard.emulator.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.RawBody;
import io.switchboard.emulator.schema.OrgSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Bulk API 2.0 ingest resources under {@code /jobs/ingest}: create, upload, close or abort, poll, list, delete,
 * and the successful, failed and unprocessed record results as CSV. Available from API version 41.0.
 */
public final class IngestResource {
    private static final int FIRST_VERSION = 41;
    private static final int JOBS_PER_PAGE = 1000;
    private static final Pattern UPLOAD_PATH = Pattern.compile("/jobs/ingest/[^/]+/batches/?");
    private static final Pattern LOCATOR = Pattern.compile("\\d{1,18}");
    private static final String CSV = "text/csv; charset=UTF-8";
    private static final Set<String> STATE_PROPERTIES = Set.of("state", "id");

    private final IngestJobs jobs;
    private final OrgSchema schema;

    public IngestResource(IngestJobs jobs, OrgSchema schema) {
        this.jobs = jobs;
        this.schema = schema;
    }

    /** Whether the request uploads job data, whose body is CSV and is read by {@link #readUpload}, not as JSON. */
    public static boolean isUpload(String method, String path) {
        return method.equals("PUT") && UPLOAD_PATH.matcher(path).matches();
    }

    /**
     * The body of an upload, refused once it holds more than an upload may. A body declared too large is drained
     * unread, so the refusal costs no memory.
     *
     * @param declaredLength the Content-Length, or -1 when the body is chunked
     */
    public static byte[] readUpload(InputStream body, long declaredLength) throws IOException {
        if (declaredLength > IngestJobs.MAX_UPLOAD_BYTES) {
            drain(body);
            throw BulkErrors.uploadTooLarge();
        }
        byte[] bytes = body.readNBytes((int) IngestJobs.MAX_UPLOAD_BYTES + 1);
        if (bytes.length > IngestJobs.MAX_UPLOAD_BYTES) {
            drain(body);
            throw BulkErrors.uploadTooLarge();
        }
        return bytes;
    }

    /** @param request a request whose path starts with {@code /jobs} */
    public ApiResponse handle(ApiRequest request, String apiVersion) {
        List<String> segments = segments(request.path());
        boolean ingest = segments.size() >= 2 && segments.get(1).equals("ingest");
        if (Double.parseDouble(apiVersion) < FIRST_VERSION || !ingest) {
            throw BulkErrors.notFound();
        }
        String method = request.method();
        if (segments.size() == 2) {
            return switch (method) {
                case "GET" -> list(request.query(), apiVersion);
                case "POST" -> create(request, apiVersion);
                default -> throw BulkErrors.methodNotAllowed(method, "GET,POST");
            };
        }
        IngestJob job = jobs.find(segments.get(2)).orElseThrow(BulkErrors::notFound);
        if (segments.size() == 3) {
            return switch (method) {
                case "GET" -> ApiResponse.of(200, JobViews.info(job.snapshot()));
                case "PATCH" -> changeState(job, request.body());
                case "DELETE" -> {
                    jobs.delete(job);
                    yield ApiResponse.noContent();
                }
                default -> throw BulkErrors.methodNotAllowed(method, "DELETE,GET,PATCH");
            };
        }
        if (segments.size() > 4) {
            throw BulkErrors.notFound();
        }
        String resource = segments.get(3);
        if (resource.equals("batches")) {
            if (!method.equals("PUT")) {
                throw BulkErrors.methodNotAllowed(method, "PUT");
            }
            return upload(job, request);
        }
        if (!List.of("successfulResults", "failedResults", "unprocessedrecords").contains(resource)) {
            throw BulkErrors.notFound();
        }
        if (!method.equals("GET")) {
            throw BulkErrors.methodNotAllowed(method, "GET");
        }
        return results(job, resource);
    }

    private ApiResponse create(ApiRequest request, String apiVersion) {
        JobDefinition definition = JobDefinition.parse(request.body(), schema);
        return ApiResponse.of(200, JobViews.created(jobs.create(definition, apiVersion, request.userId()).snapshot()));
    }

    private ApiResponse upload(IngestJob job, ApiRequest request) {
        String contentType = request.headers().getOrDefault("content-type", "");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("text/csv")) {
            throw BulkErrors.unsupportedContentType(contentType);
        }
        job.upload(request.content() == null ? new byte[0] : request.content());
        return ApiResponse.of(201, null);
    }

    /** Not confirmed: the wordings for a body without a usable state. */
    private ApiResponse changeState(IngestJob job, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw BulkErrors.notAnObject();
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!STATE_PROPERTIES.contains(name)) {
                throw BulkErrors.unrecognizedProperty(name);
            }
        }
        JsonNode state = body.get("state");
        String value = state == null || state.isNull() ? null : state.asText();
        JobSnapshot changed;
        if (JobState.UPLOAD_COMPLETE.apiName().equals(value)) {
            changed = jobs.uploadComplete(job);
        } else if (JobState.ABORTED.apiName().equals(value)) {
            changed = jobs.abort(job);
        } else {
            throw new JobRefusal(400, "INVALIDJOBSTATE", value == null ? "state is required"
                    : "Invalid state: " + value + ". A job's state can be set to UploadComplete or Aborted");
        }
        return ApiResponse.of(200, JobViews.changed(changed));
    }

    /** Up to 1,000 jobs a page, oldest first; the locator names the last job of the page before. */
    private ApiResponse list(Map<String, String> query, String apiVersion) {
        long after = 0;
        String locator = query.get("queryLocator");
        if (locator != null) {
            if (!LOCATOR.matcher(locator).matches()) {
                throw BulkErrors.invalidLocator();
            }
            after = Long.parseLong(locator);
        }
        long start = after;
        List<IngestJob> matching = jobs.all().stream()
                .filter(job -> job.sequence() > start && listed(job, query)).toList();
        List<IngestJob> page = matching.subList(0, Math.min(JOBS_PER_PAGE, matching.size()));
        List<Map<String, Object>> records = new ArrayList<>();
        page.forEach(job -> records.add(JobViews.listed(job.snapshot())));
        boolean done = page.size() == matching.size();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", done);
        body.put("records", records);
        body.put("nextRecordsUrl", done ? null : "/services/data/v" + apiVersion + "/jobs/ingest?queryLocator="
                + page.get(page.size() - 1).sequence());
        return ApiResponse.of(200, body);
    }

    /** Every job here is a parallel V2Ingest job without PK chunking, so the filters keep all or nothing. */
    private static boolean listed(IngestJob job, Map<String, String> query) {
        String jobType = query.get("jobType");
        String concurrencyMode = query.get("concurrencyMode");
        return (jobType == null || jobType.equals("V2Ingest"))
                && (concurrencyMode == null || concurrencyMode.equalsIgnoreCase("Parallel"))
                && !"true".equalsIgnoreCase(query.get("isPkChunkingEnabled"));
    }

    /**
     * A results CSV. Results are reported for what has been processed so far, in whatever state the job is (not
     * confirmed: Salesforce documents them for jobs that are complete, failed or aborted).
     */
    private ApiResponse results(IngestJob job, String resource) {
        JobSnapshot snapshot = job.snapshot();
        JobDefinition definition = snapshot.definition();
        CsvWriter csv = new CsvWriter(definition.columnDelimiter(), definition.lineEnding());
        switch (resource) {
            case "successfulResults" -> {
                csv.header(List.of("sf__Id", "sf__Created"), snapshot.columns());
                snapshot.successes().forEach(row -> csv.row(withResult(row.id(), String.valueOf(row.created()), row)));
            }
            case "failedResults" -> {
                csv.header(List.of("sf__Id", "sf__Error"), snapshot.columns());
                snapshot.failures().forEach(row -> csv.row(withResult(row.id(), row.error(), row)));
            }
            default -> {
                List<byte[]> uploads = job.uploads();
                List<String> header = jobs.unprocessedHeader(snapshot, uploads);
                if (!header.isEmpty()) {
                    csv.header(List.of(), header);
                    jobs.unprocessedRows(snapshot, uploads).forEach(csv::row);
                }
            }
        }
        return ApiResponse.of(200, new RawBody(CSV, csv.bytes()));
    }

    private static List<String> withResult(String id, String result, RowOutcome row) {
        List<String> values = new ArrayList<>(List.of(id, result));
        values.addAll(row.values());
        return values;
    }

    private static List<String> segments(String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return Arrays.stream(withoutQuery.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    /** A refused upload is still read off the connection, so the answer reaches the client. */
    private static void drain(InputStream body) throws IOException {
        body.transferTo(OutputStream.nullOutputStream());
    }
}
