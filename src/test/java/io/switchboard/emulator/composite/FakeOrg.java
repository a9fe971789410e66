package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.RestDispatcher;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.api.Transactions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A map-backed stand-in for the org's single-record REST resources and its transactions, with an undo log,
 * just strict enough to make subrequests fail: required Name/LastName/ParentId and a checked Contact Email.
 */
final class FakeOrg implements RestDispatcher, Transactions {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> PREFIXES = Map.of(
            "Account", "001", "Contact", "003", "Case", "500", "CaseComment", "00a", "Task", "00T",
            "Referral__c", "a01");
    private static final Map<String, String> REQUIRED = Map.of(
            "Account", "Name", "Contact", "LastName", "CaseComment", "ParentId");
    private static final Pattern SOQL =
            Pattern.compile("SELECT (.+) FROM (\\w+)(?: WHERE (\\w+) = '([^']*)')?", Pattern.CASE_INSENSITIVE);

    private final Map<String, ObjectNode> records = new LinkedHashMap<>();
    private final Deque<Runnable> undoLog = new ArrayDeque<>();
    private final List<ApiRequest> received = new ArrayList<>();
    private int depth;
    private int nextId = 1;

    // ---- test access

    List<ApiRequest> received() {
        return received;
    }

    List<ObjectNode> recordsOf(String type) {
        return records.values().stream().filter(r -> r.get("attributes").get("type").asText().equals(type)).toList();
    }

    int size() {
        return records.size();
    }

    Optional<ObjectNode> byId(String id) {
        return Optional.ofNullable(records.get(id));
    }

    /** Inserts a record directly, outside any transaction, as seed data. */
    String seed(String type, ObjectNode fields) {
        return insert(type, fields);
    }

    // ---- Transactions

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        int mark = undoLog.size();
        depth++;
        try {
            return work.get();
        } catch (RuntimeException failure) {
            undoTo(mark);
            throw failure;
        } finally {
            depth--;
            if (depth == 0) {
                undoLog.clear();
            }
        }
    }

    @Override
    public void rollbackCurrent() {
        undoTo(0);
    }

    private void undoTo(int mark) {
        while (undoLog.size() > mark) {
            undoLog.pop().run();
        }
    }

    private void remember(Runnable undo) {
        if (depth > 0) {
            undoLog.push(undo);
        }
    }

    // ---- RestDispatcher

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        received.add(request);
        String[] s = request.path().substring(1).split("/");
        String method = request.method();
        if (s[0].equals("query") && s.length == 1 && method.equals("GET")) {
            return ApiResponse.of(200, query(request.query().get("q")));
        }
        if (!s[0].equals("sobjects")) {
            throw SalesforceError.notFound("The requested resource does not exist");
        }
        if (s.length == 1 && method.equals("GET")) {
            return ApiResponse.of(200, describeGlobal());
        }
        String type = knownType(s[1]);
        if (s.length == 2 && method.equals("POST")) {
            return created(insert(type, (ObjectNode) request.body()));
        }
        if (s.length == 3) {
            return row(method, type, s[2], request);
        }
        if (s.length == 4 && method.equals("PATCH")) {
            return upsert(type, s[2], s[3], (ObjectNode) request.body());
        }
        throw SalesforceError.notFound("The requested resource does not exist");
    }

    private ApiResponse row(String method, String type, String id, ApiRequest request) {
        ObjectNode record = existing(type, id);
        switch (method) {
            case "GET":
                return ApiResponse.of(200, view(record, request.query().get("fields")));
            case "PATCH":
                update(record, (ObjectNode) request.body());
                return ApiResponse.noContent();
            case "DELETE":
                records.remove(id);
                remember(() -> records.put(id, record));
                return ApiResponse.noContent();
            default:
                throw new SalesforceError(405, "METHOD_NOT_ALLOWED", "not allowed");
        }
    }

    private ApiResponse upsert(String type, String field, String value, ObjectNode body) {
        List<ObjectNode> matches = recordsOf(type).stream().filter(r -> value.equals(r.path(field).asText())).toList();
        if (matches.isEmpty()) {
            ObjectNode fields = body.deepCopy().put(field, value);
            ObjectNode answer = (ObjectNode) created(insert(type, fields)).body();
            return ApiResponse.of(201, answer.put("created", true));
        }
        update(matches.get(0), body);
        ObjectNode answer = MAPPER.createObjectNode().put("id", matches.get(0).get("Id").asText()).put("success", true);
        answer.putArray("errors");
        return ApiResponse.of(200, answer.put("created", false));
    }

    private String insert(String type, ObjectNode fields) {
        String required = REQUIRED.get(type);
        if (required != null && (!fields.hasNonNull(required) || fields.get(required).asText().isEmpty())) {
            throw new SalesforceError(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [" + required + "]",
                    List.of(required));
        }
        checkEmail(type, fields);
        String id = PREFIXES.get(type) + String.format("%015d", nextId++);
        ObjectNode record = fields.deepCopy();
        record.putObject("attributes").put("type", type);
        record.put("Id", id);
        records.put(id, record);
        remember(() -> records.remove(id));
        return id;
    }

    private void update(ObjectNode record, ObjectNode fields) {
        checkEmail(record.get("attributes").get("type").asText(), fields);
        ObjectNode before = record.deepCopy();
        record.setAll(fields);
        remember(() -> {
            record.removeAll();
            record.setAll(before);
        });
    }

    private static void checkEmail(String type, ObjectNode fields) {
        JsonNode email = fields.get("Email");
        if (type.equals("Contact") && email != null && !email.asText().contains("@")) {
            throw new SalesforceError(400, "INVALID_EMAIL_ADDRESS", "Email: invalid email address: " + email.asText(),
                    List.of("Email"));
        }
    }

    private ObjectNode existing(String type, String id) {
        ObjectNode record = records.get(id);
        if (record == null || !record.get("attributes").get("type").asText().equals(type)) {
            throw SalesforceError.notFound("The requested resource does not exist");
        }
        return record;
    }

    private static String knownType(String name) {
        return PREFIXES.keySet().stream().filter(type -> type.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> SalesforceError.notFound("The requested resource does not exist"));
    }

    private static ObjectNode view(ObjectNode record, String fields) {
        if (fields == null) {
            return record.deepCopy();
        }
        ObjectNode view = MAPPER.createObjectNode();
        view.set("attributes", record.get("attributes"));
        for (String field : fields.split(",")) {
            view.set(field.trim(), record.get(field.trim()));
        }
        return view;
    }

    private ObjectNode query(String soql) {
        Matcher matcher = SOQL.matcher(soql == null ? "" : soql.trim());
        if (!matcher.matches()) {
            throw SalesforceError.malformedQuery("unexpected token: " + soql);
        }
        ArrayNode rows = MAPPER.createArrayNode();
        for (ObjectNode record : recordsOf(knownType(matcher.group(2)))) {
            if (matcher.group(3) == null || matcher.group(4).equals(record.path(matcher.group(3)).asText())) {
                rows.add(view(record, matcher.group(1)));
            }
        }
        ObjectNode answer = MAPPER.createObjectNode().put("totalSize", rows.size()).put("done", true);
        answer.set("records", rows);
        return answer;
    }

    private static ObjectNode describeGlobal() {
        ObjectNode answer = MAPPER.createObjectNode().put("encoding", "UTF-8").put("maxBatchSize", 200);
        ArrayNode objects = answer.putArray("sobjects");
        PREFIXES.forEach((name, prefix) -> objects.addObject().put("name", name).put("keyPrefix", prefix));
        return answer;
    }

    private static ApiResponse created(String id) {
        ObjectNode answer = MAPPER.createObjectNode().put("id", id).put("success", true);
        answer.putArray("errors");
        return ApiResponse.of(201, answer);
    }
}
