package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.api.Transactions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * sObject collections ({@code /composite/sobjects}): create, update, upsert, delete and retrieve of up to 200
 * records (2,000 to retrieve) in one call, each record written through the dispatcher as its single request.
 */
final class CollectionsResource {
    static final int MAX_RECORDS = 200;
    static final int MAX_RETRIEVE = 2000;
    private static final String PREFIX = "/composite/sobjects";
    private static final Set<String> SAVE_PROPERTIES = Set.of("allOrNone", "records");
    private static final Set<String> RETRIEVE_PROPERTIES = Set.of("ids", "fields");

    private final Transactions transactions;

    CollectionsResource(Transactions transactions) {
        this.transactions = transactions;
    }

    /** @param request path starting with {@code /composite/sobjects} */
    ApiResponse handle(ApiRequest request, OrgCalls calls) {
        List<String> segments = segmentsAfterPrefix(request.path());
        String method = request.method();
        return switch (segments.size()) {
            case 0 -> switch (method) {
                case "POST" -> create(request.body(), calls);
                case "PATCH" -> update(request.body(), calls);
                case "DELETE" -> delete(request.query(), calls);
                default -> throw CompositeErrors.methodNotAllowed(method, "DELETE,PATCH,POST");
            };
            case 1 -> switch (method) {
                case "GET" -> retrieve(segments.get(0), idsAndFields(request.query()), calls);
                case "POST" -> retrieve(segments.get(0), idsAndFields(request.body()), calls);
                default -> throw CompositeErrors.methodNotAllowed(method, "GET,POST");
            };
            case 2 -> {
                if (!method.equals("PATCH")) {
                    throw CompositeErrors.methodNotAllowed(method, "PATCH");
                }
                yield upsert(segments.get(0), segments.get(1), request.body(), calls);
            }
            default -> throw CompositeErrors.notFound();
        };
    }

    private static List<String> segmentsAfterPrefix(String path) {
        String rest = path.substring(PREFIX.length());
        return Arrays.stream(rest.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    private ApiResponse create(JsonNode body, OrgCalls calls) {
        ObjectNode request = RequestJson.strictObject(body, "the request body", SAVE_PROPERTIES);
        return saveAll(typedRecords(request), allOrNone(request), record -> insert(record, calls));
    }

    private ApiResponse update(JsonNode body, OrgCalls calls) {
        ObjectNode request = RequestJson.strictObject(body, "the request body", SAVE_PROPERTIES);
        return saveAll(typedRecords(request), allOrNone(request), record -> modify(record, calls));
    }

    private ApiResponse upsert(String type, String externalIdField, JsonNode body, OrgCalls calls) {
        ObjectNode request = RequestJson.strictObject(body, "the request body", SAVE_PROPERTIES);
        return saveAll(typedRecords(request), allOrNone(request),
                record -> upsertOne(type, externalIdField, record, calls));
    }

    private ApiResponse delete(Map<String, String> query, OrgCalls calls) {
        List<String> ids = commaSeparated(query.get("ids"), "ids");
        if (ids.size() > MAX_RECORDS) {
            throw CompositeErrors.recordLimit(MAX_RECORDS);
        }
        TypesById types = new TypesById(calls);
        return saveAll(ids, "true".equalsIgnoreCase(query.get("allOrNone")), id -> remove(id, types, calls));
    }

    private static boolean allOrNone(ObjectNode request) {
        return RequestJson.optionalBoolean(request, "allOrNone", false);
    }

    /** Writes every item; with allOrNone any failure undoes them all and the successful ones report the rollback. */
    private <T> ApiResponse saveAll(List<T> items, boolean allOrNone, Function<T, RecordOutcome> write) {
        List<RecordOutcome> outcomes = allOrNone
                ? transactions.inTransaction(() -> allOrNothing(items, write))
                : writeEach(items, write);
        ArrayNode answer = Json.array();
        outcomes.forEach(outcome -> answer.add(outcome.toJson()));
        return ApiResponse.of(200, answer);
    }

    private <T> List<RecordOutcome> allOrNothing(List<T> items, Function<T, RecordOutcome> write) {
        List<RecordOutcome> outcomes = writeEach(items, write);
        if (outcomes.stream().allMatch(RecordOutcome::success)) {
            return outcomes;
        }
        transactions.rollbackCurrent();
        return outcomes.stream().map(RecordOutcome::rolledBack).toList();
    }

    private static <T> List<RecordOutcome> writeEach(List<T> items, Function<T, RecordOutcome> write) {
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (T item : items) {
            try {
                outcomes.add(write.apply(item));
            } catch (SalesforceError refused) {
                outcomes.add(RecordOutcome.failed(refused));
            }
        }
        return outcomes;
    }

    private static RecordOutcome insert(ObjectNode record, OrgCalls calls) {
        if (fieldName(record, "Id").isPresent()) {
            return RecordOutcome.failed("INVALID_FIELD", "cannot specify Id in an insert call", List.of("Id"));
        }
        ApiResponse created = calls.send("POST", "/sobjects/" + typeOf(record), Map.of(), fieldsOf(record, null));
        return RecordOutcome.insertedAs(Json.tree(created.body()).path("id").asText());
    }

    private static RecordOutcome modify(ObjectNode record, OrgCalls calls) {
        Optional<String> idField = fieldName(record, "Id");
        if (idField.isEmpty() || !record.get(idField.get()).isTextual()) {
            return RecordOutcome.failed("MISSING_ARGUMENT", "Id not specified in an update call", List.of());
        }
        String id = record.get(idField.get()).textValue();
        calls.send("PATCH", "/sobjects/" + typeOf(record) + "/" + id, Map.of(), fieldsOf(record, idField.get()));
        return RecordOutcome.saved(id);
    }

    private static RecordOutcome upsertOne(String type, String externalIdField, ObjectNode record, OrgCalls calls) {
        Optional<String> keyField = fieldName(record, externalIdField);
        if (keyField.isEmpty() || !record.get(keyField.get()).isValueNode() || record.get(keyField.get()).isNull()) {
            return RecordOutcome.failed("MISSING_ARGUMENT", externalIdField + " not specified",
                    List.of(externalIdField));
        }
        String value = record.get(keyField.get()).asText();
        ApiResponse answer = calls.send("PATCH", "/sobjects/" + type + "/" + externalIdField + "/" + pathSegment(value),
                Map.of(), fieldsOf(record, keyField.get()));
        JsonNode id = Json.tree(answer.body()).path("id");
        return RecordOutcome.upserted(id.isTextual() ? id.textValue() : null, answer.status() == 201);
    }

    /**
     * An external id value as one path segment: a '/', '?' or '%' in it would otherwise change the path or fail
     * to decode, and a '+' or space must come back as itself.
     */
    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static RecordOutcome remove(String id, TypesById types, OrgCalls calls) {
        Optional<String> type = types.typeOf(id);
        if (type.isEmpty()) {
            return RecordOutcome.failed("MALFORMED_ID", "malformed id " + id, List.of());
        }
        calls.send("DELETE", "/sobjects/" + type.get() + "/" + id, Map.of(), null);
        return RecordOutcome.saved(id);
    }

    private record IdsAndFields(List<String> ids, List<String> fields) {
    }

    private static IdsAndFields idsAndFields(Map<String, String> query) {
        return new IdsAndFields(commaSeparated(query.get("ids"), "ids"), commaSeparated(query.get("fields"), "fields"));
    }

    private static IdsAndFields idsAndFields(JsonNode body) {
        ObjectNode request = RequestJson.strictObject(body, "the request body", RETRIEVE_PROPERTIES);
        return new IdsAndFields(texts(RequestJson.requiredArray(request, "ids")),
                texts(RequestJson.requiredArray(request, "fields")));
    }

    /** One record per id in the order asked, null where the id finds no record. */
    private static ApiResponse retrieve(String type, IdsAndFields wanted, OrgCalls calls) {
        if (wanted.ids().size() > MAX_RETRIEVE) {
            throw CompositeErrors.recordLimit(MAX_RETRIEVE);
        }
        Map<String, String> query = Map.of("fields", String.join(",", wanted.fields()));
        ArrayNode answer = Json.array();
        for (String id : wanted.ids()) {
            answer.add(retrieveOne(type, id, query, calls));
        }
        return ApiResponse.of(200, answer);
    }

    private static JsonNode retrieveOne(String type, String id, Map<String, String> query, OrgCalls calls) {
        try {
            return Json.tree(calls.send("GET", "/sobjects/" + type + "/" + id, query, null).body());
        } catch (SalesforceError refused) {
            // an unknown or malformed id is a null entry; a bad field list still refuses the whole request
            if (refused.status() == 404 || "MALFORMED_ID".equals(refused.errorCode())) {
                return NullNode.getInstance();
            }
            throw refused;
        }
    }

    private static List<ObjectNode> typedRecords(ObjectNode request) {
        ArrayNode records = RequestJson.requiredArray(request, "records");
        if (records.size() > MAX_RECORDS) {
            throw CompositeErrors.recordLimit(MAX_RECORDS);
        }
        List<ObjectNode> typed = new ArrayList<>();
        for (JsonNode record : records) {
            if (!record.isObject() || !record.path("attributes").path("type").isTextual()) {
                throw new SalesforceError(400, "INVALID_TYPE", "Must send a concrete entity type.");
            }
            typed.add((ObjectNode) record);
        }
        return typed;
    }

    private static String typeOf(ObjectNode record) {
        return record.get("attributes").get("type").textValue();
    }

    /** The record's fields as a single-record request sends them: no attributes, and without {@code omitted}. */
    private static ObjectNode fieldsOf(ObjectNode record, String omitted) {
        ObjectNode fields = record.deepCopy();
        fields.remove("attributes");
        if (omitted != null) {
            fields.remove(omitted);
        }
        return fields;
    }

    /** The property naming that field in any letter case, as Salesforce resolves field names. */
    private static Optional<String> fieldName(ObjectNode record, String field) {
        Iterator<String> names = record.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.toLowerCase(Locale.ROOT).equals(field.toLowerCase(Locale.ROOT))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static List<String> commaSeparated(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw new SalesforceError(400, "MISSING_ARGUMENT", "The " + parameter + " parameter is required");
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    private static List<String> texts(ArrayNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
