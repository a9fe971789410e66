package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.api.Transactions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /composite/tree/{Type}}: up to 200 records in trees up to five levels deep, created level by
 * level (all roots, then all second-level records...) with children pointing at their parents; all or nothing.
 */
final class TreeResource {
    static final int MAX_RECORDS = 200;
    static final int MAX_DEPTH = 5;
    private static final Set<String> PROPERTIES = Set.of("records");
    private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");

    private final Transactions transactions;

    TreeResource(Transactions transactions) {
        this.transactions = transactions;
    }

    /** One record of the request: its own fields and the records nested under it. */
    private record TreeRecord(String type, String referenceId, ObjectNode fields, List<Nested> children) {
    }

    /** A child record and the field that must point at its parent. */
    private record Nested(String parentField, TreeRecord record) {
    }

    /** A record waiting for its level, with the parent whose id it takes. */
    private record Pending(TreeRecord record, String parentField, TreeRecord parent) {
    }

    /** Collects what makes the request invalid before anything is written. */
    private static final class Parse {
        private final List<ObjectNode> problems = new ArrayList<>();
        private final Map<String, Integer> referenceIdCounts = new HashMap<>();
        private int records;
        private int depth;
    }

    ApiResponse post(String rootType, JsonNode body, OrgCalls calls) {
        ObjectNode request = RequestJson.strictObject(body, "the request body", PROPERTIES);
        Parse parse = new Parse();
        List<TreeRecord> roots = new ArrayList<>();
        for (JsonNode node : RequestJson.requiredArray(request, "records")) {
            TreeRecord root = parseRecord(node, 1, parse);
            requireType(root, rootType, parse);
            roots.add(root);
        }
        refuseOversized(parse);
        reportDuplicates(roots, parse);
        if (!parse.problems.isEmpty()) {
            return failure(parse.problems);
        }
        return transactions.inTransaction(() -> createLevels(roots, calls));
    }

    private ApiResponse createLevels(List<TreeRecord> roots, OrgCalls calls) {
        Map<TreeRecord, String> ids = new IdentityHashMap<>();
        ArrayNode results = Json.array();
        List<Pending> level = roots.stream().map(root -> new Pending(root, null, null)).toList();
        while (!level.isEmpty()) {
            List<ObjectNode> errors = createLevel(level, ids, results, calls);
            if (!errors.isEmpty()) {
                transactions.rollbackCurrent();
                return failure(errors);
            }
            level = nextLevel(level);
        }
        ObjectNode answer = Json.object();
        answer.put("hasErrors", false);
        answer.set("results", results);
        return ApiResponse.of(201, answer);
    }

    /** Creates every record of one level, so that all failures of that level are reported together. */
    private static List<ObjectNode> createLevel(List<Pending> level, Map<TreeRecord, String> ids, ArrayNode results,
                                                OrgCalls calls) {
        List<ObjectNode> errors = new ArrayList<>();
        for (Pending pending : level) {
            TreeRecord record = pending.record();
            ObjectNode fields = record.fields().deepCopy();
            if (pending.parent() != null) {
                fields.put(pending.parentField(), ids.get(pending.parent()));
            }
            try {
                ApiResponse created = calls.send("POST", "/sobjects/" + record.type(), Map.of(), fields);
                String id = Json.tree(created.body()).path("id").asText();
                ids.put(record, id);
                results.add(Json.object().put("referenceId", record.referenceId()).put("id", id));
            } catch (SalesforceError refused) {
                errors.add(problem(record.referenceId(), CompositeErrors.resultError(refused)));
            }
        }
        return errors;
    }

    private static List<Pending> nextLevel(List<Pending> level) {
        List<Pending> next = new ArrayList<>();
        for (Pending pending : level) {
            for (Nested child : pending.record().children()) {
                next.add(new Pending(child.record(), child.parentField(), pending.record()));
            }
        }
        return next;
    }

    private static TreeRecord parseRecord(JsonNode node, int depth, Parse parse) {
        ObjectNode record = RequestJson.object(node, "a tree record");
        ObjectNode attributes = RequestJson.object(record.get("attributes"), "attributes");
        String type = RequestJson.requiredText(attributes, "type");
        String referenceId = RequestJson.requiredText(attributes, "referenceId");
        if (!REFERENCE_ID.matcher(referenceId).matches()) {
            throw CompositeErrors.illegalReferenceId(referenceId);
        }
        parse.records++;
        parse.depth = Math.max(parse.depth, depth);
        parse.referenceIdCounts.merge(referenceId, 1, Integer::sum);
        ObjectNode fields = Json.object();
        List<Nested> children = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> properties = record.fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (property.getKey().equals("attributes")) {
                continue;
            }
            if (property.getValue().isObject() && property.getValue().has("records")) {
                children.addAll(parseChildren(type, referenceId, property, depth, parse));
            } else {
                fields.set(property.getKey(), property.getValue());
            }
        }
        return new TreeRecord(type, referenceId, fields, children);
    }

    private static List<Nested> parseChildren(String parentType, String parentReferenceId,
                                              Map.Entry<String, JsonNode> property, int depth, Parse parse) {
        Optional<ChildRelationships.Relationship> relationship =
                ChildRelationships.find(parentType, property.getKey());
        if (relationship.isEmpty()) {
            parse.problems.add(problem(parentReferenceId, CompositeErrors.resultError("INVALID_FIELD",
                    "No such column '" + property.getKey() + "' on entity '" + parentType + "'. If you are "
                            + "attempting to use a custom field, be sure to append the '__c' after the custom "
                            + "field name. Please reference your WSDL or the describe call for the appropriate "
                            + "names.", List.of())));
        }
        List<Nested> children = new ArrayList<>();
        for (JsonNode node : RequestJson.requiredArray((ObjectNode) property.getValue(), "records")) {
            // parsed even under an unknown relationship, so that size and depth limits see every record
            TreeRecord child = parseRecord(node, depth + 1, parse);
            relationship.ifPresent(known -> children.add(nestedUnder(known, parentType, child, parse)));
        }
        return children;
    }

    private static Nested nestedUnder(ChildRelationships.Relationship relationship, String parentType,
                                      TreeRecord child, Parse parse) {
        if (!relationship.holds(child.type())) {
            parse.problems.add(problem(child.referenceId(), CompositeErrors.resultError("INVALID_TYPE",
                    "Relationship " + relationship.name() + " on " + parentType + " holds "
                            + relationship.childType() + " records, not " + child.type(), List.of())));
        }
        return new Nested(relationship.parentField(), child);
    }

    private static void requireType(TreeRecord root, String rootType, Parse parse) {
        if (!root.type().equalsIgnoreCase(rootType)) {
            parse.problems.add(problem(root.referenceId(), CompositeErrors.resultError("INVALID_TYPE",
                    "The root records must be of the type named in the URL: " + rootType + ", not " + root.type(),
                    List.of())));
        }
    }

    private static void refuseOversized(Parse parse) {
        if (parse.records > MAX_RECORDS) {
            throw CompositeErrors.recordLimit(MAX_RECORDS);
        }
        if (parse.depth > MAX_DEPTH) {
            throw CompositeErrors.limitExceeded(
                    "The sObject tree is " + parse.depth + " levels deep; the limit is " + MAX_DEPTH);
        }
    }

    /** Salesforce answers one result per instance of a referenceId used more than once. */
    private static void reportDuplicates(List<TreeRecord> roots, Parse parse) {
        List<TreeRecord> all = new ArrayList<>();
        roots.forEach(root -> collect(root, all));
        for (TreeRecord record : all) {
            if (parse.referenceIdCounts.get(record.referenceId()) > 1) {
                parse.problems.add(problem(record.referenceId(), CompositeErrors.resultError("INVALID_INPUT",
                        "Duplicate ReferenceId provided in the request", List.of())));
            }
        }
    }

    private static void collect(TreeRecord record, List<TreeRecord> all) {
        all.add(record);
        record.children().forEach(child -> collect(child.record(), all));
    }

    private static ObjectNode problem(String referenceId, ObjectNode error) {
        ObjectNode result = Json.object();
        result.put("referenceId", referenceId);
        result.putArray("errors").add(error);
        return result;
    }

    private static ApiResponse failure(List<ObjectNode> problems) {
        ObjectNode answer = Json.object();
        answer.put("hasErrors", true);
        ArrayNode results = answer.putArray("results");
        problems.forEach(results::add);
        return ApiResponse.of(400, answer);
    }
}
