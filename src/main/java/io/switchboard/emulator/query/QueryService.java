package io.switchboard.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.RecordSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Answers the REST API's {@code /query}, {@code /queryAll} and {@code /search} resources for the emulated org:
 * parses SOQL and SOSL strictly, runs them over the record source and pages large results through query cursors.
 * Refusals are thrown as {@link io.switchboard.emulator.api.SalesforceError}.
 */
public final class QueryService {
    static final int MIN_BATCH_SIZE = 200;
    static final int MAX_BATCH_SIZE = 2000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RecordSource source;
    private final RecordReader reader;
    private final QueryCursors cursors;
    private final Clock clock;

    /** With the clock that date literals such as TODAY and cursor expiry are measured by. */
    public QueryService(RecordSource source, Clock clock) {
        this.source = source;
        this.reader = new RecordReader(source);
        this.cursors = new QueryCursors(clock);
        this.clock = clock;
    }

    /**
     * GET /query?q= : {"totalSize","done","records":[...],"nextRecordsUrl"?}. The batch size is a hint that
     * Salesforce keeps between 200 and 2000, as here; zero or less means the default of 2000.
     */
    public JsonNode query(String soql, int batchSize, String apiVersion) {
        return run(soql, batchSize, apiVersion, false);
    }

    /**
     * GET /queryAll?q= : as {@link #query}, the recycle bin's records included with {@code IsDeleted} true. Its
     * {@code nextRecordsUrl} points at /query/, as Salesforce's does; the cursor keeps the deleted records.
     */
    public JsonNode queryAll(String soql, int batchSize, String apiVersion) {
        return run(soql, batchSize, apiVersion, true);
    }

    private JsonNode run(String soql, int batchSize, String apiVersion, boolean withDeleted) {
        SoqlQuery query = SoqlParser.parse(soql, source.schema(), clock);
        List<Map<String, Object>> rows = rows(query, withDeleted);
        if (query.selection() instanceof Selection.CountRows) {
            return result(rows.size(), true, JSON.arrayNode(), null);
        }
        RecordJson json = new RecordJson(source.schema(), reader, apiVersion);
        if (query.selection() instanceof Selection.CountOf count) {
            return result(1, true, JSON.arrayNode().add(aggregate(json, count, rows)), null);
        }
        List<FieldPath> fields = ((Selection.Fields) query.selection()).paths();
        List<JsonNode> records = rows.stream()
                .map(row -> (JsonNode) json.record(row, query.object(), fields)).toList();
        return pageResult(cursors.first(records, pageSize(batchSize)), apiVersion);
    }

    /** GET /query/{locator}: the next page; an unknown or lapsed locator is refused as INVALID_QUERY_LOCATOR. */
    public JsonNode queryMore(String locator, String apiVersion) {
        return pageResult(cursors.next(locator), apiVersion);
    }

    /** GET /search?q= : {"searchRecords":[...]}, over the records the search index already holds. */
    public JsonNode search(String sosl, String apiVersion) {
        SoslQuery query = SoslParser.parse(sosl, source.schema(), clock);
        RecordJson json = new RecordJson(source.schema(), reader, apiVersion);
        ArrayNode found = JSON.arrayNode();
        new SearchRunner(source, reader).run(query).forEach(hit ->
                found.add(json.record(hit.record(), hit.returning().object(), hit.returning().fields())));
        ObjectNode answer = JSON.objectNode();
        answer.set("searchRecords", found);
        return answer;
    }

    private static int pageSize(int batchSize) {
        return batchSize <= 0 ? MAX_BATCH_SIZE : Math.max(MIN_BATCH_SIZE, Math.min(MAX_BATCH_SIZE, batchSize));
    }

    private List<Map<String, Object>> rows(SoqlQuery query, boolean withDeleted) {
        String type = query.object().name();
        Stream<Map<String, Object>> rows = (withDeleted ? source.allRows(type) : source.records(type)).stream()
                .filter(record -> query.where().test(record, reader));
        if (!query.orderBy().isEmpty()) {
            rows = rows.sorted(OrderItem.comparator(query.orderBy(), reader));
        }
        rows = rows.skip(query.offset());
        if (query.limit().isPresent()) {
            rows = rows.limit(query.limit().getAsInt());
        }
        return rows.toList();
    }

    private ObjectNode aggregate(RecordJson json, Selection.CountOf count, List<Map<String, Object>> rows) {
        ObjectNode row = json.withAttributes("AggregateResult", null);
        for (int i = 0; i < count.paths().size(); i++) {
            FieldPath path = count.paths().get(i);
            row.put("expr" + i, rows.stream().filter(record -> reader.read(record, path) != null).count());
        }
        return row;
    }

    private static JsonNode pageResult(QueryCursors.Page page, String apiVersion) {
        ArrayNode records = JSON.arrayNode();
        // copies, so that nothing a caller does to an answer can change the cursor's snapshot
        page.records().forEach(record -> records.add(record.deepCopy()));
        String next = page.done() ? null
                : "/services/data/v" + apiVersion + "/query/" + page.cursorId() + "-" + page.end();
        return result(page.totalSize(), page.done(), records, next);
    }

    private static JsonNode result(int totalSize, boolean done, ArrayNode records, String nextRecordsUrl) {
        ObjectNode answer = JSON.objectNode();
        answer.put("totalSize", totalSize);
        answer.put("done", done);
        if (nextRecordsUrl != null) {
            answer.put("nextRecordsUrl", nextRecordsUrl);
        }
        answer.set("records", records);
        return answer;
    }
}
