package io.switchboard.emulator.bulk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * All rows a job was given, read from its uploads in upload order. Each upload is a CSV of its own with a header
 * row, and every upload must repeat the first one's header.
 *
 * @param header the header row as uploaded; empty when no upload held any data
 */
record JobData(List<String> header, List<List<String>> rows) {
    JobData {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Uploads are read as UTF-8, the only encoding Bulk API takes. */
    static JobData read(List<byte[]> uploads, JobDefinition definition) {
        List<String> header = List.of();
        List<List<String>> rows = new ArrayList<>();
        for (byte[] upload : uploads) {
            CsvTable table = CsvReader.read(new String(upload, StandardCharsets.UTF_8), definition.columnDelimiter(),
                    definition.lineEnding());
            if (table.header().isEmpty()) {
                continue;
            }
            if (header.isEmpty()) {
                header = table.header();
            } else if (!header.equals(table.header())) {
                throw JobFailure.headerMismatch();
            }
            rows.addAll(table.rows());
        }
        return new JobData(header, rows);
    }
}
