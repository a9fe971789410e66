package io.switchboard.emulator.bulk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result CSV as a client reads it: RFC 4180, comma-separated, LF line endings. Written for the tests alone, so
 * the emulator's own reader never checks its writer.
 */
record ResultCsv(List<String> header, List<List<String>> rows) {

    static ResultCsv parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(value.toString());
                value.setLength(0);
            } else if (c == '\n') {
                record.add(value.toString());
                value.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                value.append(c);
            }
        }
        if (!record.isEmpty() || !value.isEmpty()) {
            throw new IllegalArgumentException("result CSV does not end with a line ending: " + text);
        }
        return new ResultCsv(records.get(0), records.subList(1, records.size()));
    }

    /** The value of that column in every row, in the order the rows came. */
    List<String> column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return rows.stream().map(row -> row.get(index)).toList();
    }

    /** Each row as column name to value, keyed by the value of one column. */
    Map<String, Map<String, String>> byColumn(String key) {
        Map<String, Map<String, String>> rowsByKey = new LinkedHashMap<>();
        for (List<String> row : rows) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), row.get(i));
            }
            rowsByKey.put(values.get(key), values);
        }
        return rowsByKey;
    }
}
