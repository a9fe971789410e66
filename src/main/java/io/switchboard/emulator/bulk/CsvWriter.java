package io.switchboard.emulator.bulk;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes result CSVs as Salesforce does: the {@code sf__} columns quoted, the uploaded column names as they were
 * uploaded, and every value quoted, with quotes doubled. Results use the job's delimiter and line ending (not
 * confirmed: Salesforce's documented examples only show jobs with the defaults).
 */
final class CsvWriter {
    private final StringBuilder out = new StringBuilder();
    private final char delimiter;
    private final String lineEnding;

    CsvWriter(ColumnDelimiter delimiter, LineEnding lineEnding) {
        this.delimiter = delimiter.character();
        this.lineEnding = lineEnding.characters();
    }

    /** The header row: result columns quoted, then the uploaded names, quoted only where they must be. */
    CsvWriter header(List<String> resultColumns, List<String> uploadedColumns) {
        StringBuilder row = new StringBuilder();
        resultColumns.forEach(column -> cell(row, quoted(column)));
        uploadedColumns.forEach(column -> cell(row, needsQuotes(column) ? quoted(column) : column));
        return line(row);
    }

    CsvWriter row(List<String> values) {
        StringBuilder row = new StringBuilder();
        values.forEach(value -> cell(row, quoted(value)));
        return line(row);
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private CsvWriter line(StringBuilder row) {
        out.append(row).append(lineEnding);
        return this;
    }

    private void cell(StringBuilder row, String text) {
        if (!row.isEmpty()) {
            row.append(delimiter);
        }
        row.append(text);
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private boolean needsQuotes(String value) {
        return value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
    }
}
