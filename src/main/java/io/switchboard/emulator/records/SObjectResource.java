package io.switchboard.emulator.records;

import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.RecordSource;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import io.switchboard.emulator.schema.SObjectSchema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /sobjects} REST resources: describes, create, read, update, upsert and delete of records, and the
 * replication calls {@code updated} and {@code deleted}.
 */
public final class SObjectResource {
    private static final String NO_RESOURCE = "The requested resource does not exist";

    private final RecordSource records;
    private final RecordWriter writer;
    private final Describer describer;
    private final ReplicationResource replication;

    public SObjectResource(RecordSource records, RecordWriter writer, Describer describer,
                           ReplicationResource replication) {
        this.records = records;
        this.writer = writer;
        this.describer = describer;
        this.replication = replication;
    }

    /** @param request a request whose path starts with {@code /sobjects} */
    public ApiResponse handle(ApiRequest request, String apiVersion) {
        List<String> segments = segments(request.path());
        if (segments.size() == 1) {
            allow(request, "GET");
            return ApiResponse.of(200, describer.global(apiVersion));
        }
        SObjectSchema object = records.schema().object(segments.get(1))
                .orElseThrow(() -> SalesforceError.notFound(NO_RESOURCE));
        return switch (segments.size()) {
            case 2 -> objectRoot(request, object, apiVersion);
            case 3 -> switch (segments.get(2)) {
                case "describe" -> describe(request, object, apiVersion);
                case "updated" -> {
                    allow(request, "GET");
                    yield ApiResponse.of(200, replication.updated(object, request));
                }
                case "deleted" -> {
                    allow(request, "GET");
                    yield ApiResponse.of(200, replication.deleted(object, request));
                }
                default -> byId(request, object, segments.get(2), apiVersion);
            };
            case 4 -> byExternalId(request, object, segments.get(2), segments.get(3), apiVersion);
            default -> throw SalesforceError.notFound(NO_RESOURCE);
        };
    }

    private ApiResponse objectRoot(ApiRequest request, SObjectSchema object, String apiVersion) {
        allow(request, "GET", "POST");
        if (request.method().equals("GET")) {
            return ApiResponse.of(200, describer.basicInfo(object, apiVersion, recentItems(object, apiVersion)));
        }
        String id = writer.create(object, request.body(), request.userId());
        return new ApiResponse(201, created(id),
                Map.of("Location", RecordView.url(apiVersion, object.name(), id)));
    }

    private ApiResponse describe(ApiRequest request, SObjectSchema object, String apiVersion) {
        allow(request, "GET");
        return ApiResponse.of(200, describer.describe(object, apiVersion, request.userId()));
    }

    private ApiResponse byId(ApiRequest request, SObjectSchema object, String id, String apiVersion) {
        allow(request, "GET", "PATCH", "DELETE");
        String recordId = checkedId(object, id);
        switch (request.method()) {
            case "GET" -> {
                Map<String, Object> record = records.byId(recordId).orElseThrow(() ->
                        records.inRecycleBin(recordId).isPresent() ? SalesforceError.entityIsDeleted()
                                : SalesforceError.notFound(NO_RESOURCE));
                return ApiResponse.of(200, RecordView.render(object, record, apiVersion, requestedFields(request)));
            }
            case "PATCH" -> writer.update(object, recordId, request.body(), request.userId());
            default -> writer.delete(object, recordId, request.userId());
        }
        return ApiResponse.noContent();
    }

    private ApiResponse byExternalId(ApiRequest request, SObjectSchema object, String fieldName, String value,
                                     String apiVersion) {
        allow(request, "GET", "PATCH");
        FieldSchema key = object.field(fieldName).orElseThrow(() -> SalesforceError.notFound(
                "Provided external ID field does not exist or is not accessible: " + fieldName));
        if (!key.externalId() && key.type() != FieldType.ID && !(key.idLookup() && !object.custom())) {
            throw new SalesforceError(400, "INVALID_FIELD", "Field " + key.name()
                    + " is not an External ID, Salesforce Id, or indexed field for " + object.name(),
                    List.of(key.name()));
        }
        if (request.method().equals("GET")) {
            return getByExternalId(request, object, key, value, apiVersion);
        }
        UpsertResult result = writer.upsert(object, key, value, request.body(), request.userId());
        if (result.ambiguous()) {
            return ApiResponse.of(300, urls(object, result.ids(), apiVersion));
        }
        String id = result.ids().get(0);
        if (result.created()) {
            Map<String, Object> body = created(id);
            body.put("created", true);
            return ApiResponse.of(201, body);
        }
        if (Double.parseDouble(apiVersion) < 46.0) {
            return ApiResponse.noContent();
        }
        Map<String, Object> body = created(id);
        body.put("created", false);
        return ApiResponse.of(200, body);
    }

    private ApiResponse getByExternalId(ApiRequest request, SObjectSchema object, FieldSchema key, String value,
                                        String apiVersion) {
        List<Map<String, Object>> matches = writer.matching(object, key, value);
        if (matches.isEmpty()) {
            throw SalesforceError.notFound(NO_RESOURCE);
        }
        if (matches.size() > 1) {
            return ApiResponse.of(300, urls(object, matches.stream().map(match -> (String) match.get("Id")).toList(),
                    apiVersion));
        }
        return ApiResponse.of(200, RecordView.render(object, matches.get(0), apiVersion, requestedFields(request)));
    }

    /**
     * A path segment that is not an id at all is read as an unknown external id field, as Salesforce does;
     * an id of another object is malformed for this one.
     */
    private String checkedId(SObjectSchema object, String id) {
        if (!Ids.isValid(id)) {
            throw SalesforceError.notFound("Provided external ID field does not exist or is not accessible: " + id);
        }
        if (!id.startsWith(object.keyPrefix())) {
            throw new SalesforceError(400, "MALFORMED_ID", object.label() + " ID: id value of incorrect type: " + id,
                    List.of("Id"));
        }
        return Ids.canonical(id);
    }

    private List<Map<String, Object>> recentItems(SObjectSchema object, String apiVersion) {
        List<Map<String, Object>> all = records.records(object.name());
        List<String> shown = object.field("Name").isPresent() ? List.of("Id", "Name") : List.of("Id");
        return all.subList(Math.max(0, all.size() - 5), all.size()).stream()
                .map(record -> RecordView.render(object, record, apiVersion, shown)).toList();
    }

    private static List<String> requestedFields(ApiRequest request) {
        String fields = request.query().get("fields");
        return fields == null || fields.isBlank() ? null : Arrays.asList(fields.split(","));
    }

    private static List<String> urls(SObjectSchema object, List<String> ids, String apiVersion) {
        return ids.stream().map(id -> RecordView.url(apiVersion, object.name(), id)).toList();
    }

    private static Map<String, Object> created(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("success", true);
        body.put("errors", List.of());
        return body;
    }

    private static void allow(ApiRequest request, String... methods) {
        if (!Arrays.asList(methods).contains(request.method())) {
            throw new SalesforceError(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + request.method()
                    + "' not allowed. Allowed are " + String.join(",", methods));
        }
    }

    private static List<String> segments(String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return Arrays.stream(withoutQuery.split("/")).filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
    }
}
