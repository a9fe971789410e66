package io.switchboard.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.lookup.SoqlEscaping;
import io.switchboard.salesforce.SalesforceClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Settles rows that an earlier run sent without living to read the answer: their records are read back, 200 a query,
 * and a row whose record already holds every value the row writes counts as written, so it is not sent a second
 * time. A row whose record differs, or is not there, was not written and is sent again.
 */
final class ReadBack {
    private static final int ROWS_PER_QUERY = 200;
    static final String CONFIRMED = "written by an earlier run that stopped before its answer; read back to confirm";

    private final SalesforceClient client;
    private final AllowanceWait allowance;

    ReadBack(SalesforceClient client, AllowanceWait allowance) {
        this.client = client;
        this.allowance = allowance;
    }

    /** The rows whose records already hold what they write, as updated. */
    List<RowResult> written(BulkTarget target, List<PreparedRow> rows) {
        String keyField = BulkJobWriter.keyField(target);
        List<RowResult> written = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_QUERY) {
            List<PreparedRow> batch = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_QUERY));
            List<String> fields = JobCsv.columns(batch, keyField);
            allowance.admit();
            Map<String, JsonNode> records = new HashMap<>();
            for (JsonNode record : client.queryRecords(soql(target.sobject(), keyField, fields, batch))) {
                records.put(comparable(keyField, field(record, keyField).asText()), record);
            }
            for (PreparedRow row : batch) {
                JsonNode record = records.get(comparable(keyField, row.key()));
                if (record != null && holds(record, row, keyField)) {
                    written.add(new RowResult(row.line(), row.key(), record.path("Id").asText(), Outcome.UPDATED, "",
                            CONFIRMED));
                }
            }
        }
        return written;
    }

    private static String soql(String sobject, String keyField, List<String> fields, List<PreparedRow> rows) {
        List<String> selected = new ArrayList<>(fields);
        if (!selected.contains("Id")) {
            selected.add(0, "Id");
        }
        String keys = rows.stream().map(row -> SoqlEscaping.quote(row.key())).collect(Collectors.joining(","));
        return "SELECT " + String.join(", ", selected) + " FROM " + sobject + " WHERE " + keyField + " IN (" + keys
                + ")";
    }

    /** A record id is the same record in its 15- and 18-character forms. */
    private static String comparable(String keyField, String key) {
        return keyField.equals("Id") && key.length() == 18 ? key.substring(0, 15) : key;
    }

    private static boolean holds(JsonNode record, PreparedRow row, String keyField) {
        Iterator<Map.Entry<String, JsonNode>> fields = row.record().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("attributes") || field.getKey().equals(keyField)) {
                continue;
            }
            if (!same(field.getValue(), field(record, field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(JsonNode sent, JsonNode held) {
        if (sent.isNull()) {
            return held.isNull() || held.isMissingNode();
        }
        if (sent.isNumber() && held.isNumber()) {
            return new BigDecimal(sent.asText()).compareTo(new BigDecimal(held.asText())) == 0;
        }
        return !held.isNull() && !held.isMissingNode() && sent.asText().equals(held.asText());
    }

    /** A field of a record as Salesforce answers it, whatever the case of its name in the row. */
    private static JsonNode field(JsonNode record, String name) {
        JsonNode exact = record.path(name);
        if (!exact.isMissingNode()) {
            return exact;
        }
        Iterator<String> names = record.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return record.get(candidate);
            }
        }
        return exact;
    }
}
