package io.switchboard.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/**
 * The job data of a Bulk API job: the rows' records as CSV with LF line endings, the key column first and then every
 * field any row writes. A row that leaves a field out has an empty cell, which Bulk API leaves as it is, as an
 * sObject collection leaves a field it is not given; a null is {@code #N/A}, Bulk API's way to clear a field.
 */
final class JobCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final String NULL = "#N/A";

    private JobCsv() {
    }

    /** The uploads, each with the header and at most {@code limit} bytes, no row cut between two. */
    static List<byte[]> uploads(List<PreparedRow> rows, String keyField, int limit) {
        List<String> columns = columns(rows, keyField);
        byte[] header = line(columns);
        List<byte[]> uploads = new ArrayList<>();
        ByteArrayOutputStream upload = new ByteArrayOutputStream();
        upload.writeBytes(header);
        boolean empty = true;
        for (PreparedRow row : rows) {
            byte[] line = line(values(row.record(), columns));
            if (!empty && upload.size() + line.length > limit) {
                uploads.add(upload.toByteArray());
                upload.reset();
                upload.writeBytes(header);
            }
            upload.writeBytes(line);
            empty = false;
        }
        uploads.add(upload.toByteArray());
        return uploads;
    }

    static List<String> columns(List<PreparedRow> rows, String keyField) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(keyField);
        for (PreparedRow row : rows) {
            Iterator<Map.Entry<String, JsonNode>> fields = row.record().fields();
            while (fields.hasNext()) {
                String name = fields.next().getKey();
                if (!name.equals("attributes")) {
                    columns.add(name);
                }
            }
        }
        return List.copyOf(columns);
    }

    private static List<String> values(ObjectNode record, List<String> columns) {
        List<String> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            JsonNode value = record.get(column);
            values.add(value == null ? "" : value.isNull() ? NULL : value.asText());
        }
        return values;
    }

    private static byte[] line(List<String> values) {
        StringBuilder line = new StringBuilder();
        try {
            FORMAT.printRecord(line, values.toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }
}
