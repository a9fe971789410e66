package io.switchboard.bulk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 CSV: a header row naming the columns, then one record per row, quoted cells holding commas, quotes
 * and line breaks. A record is named by the line it starts on, as an editor shows it.
 */
final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    private CsvRows() {
    }

    static InputFile read(Path file, Reader reader) throws IOException {
        try (CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            int start = 1;
            if (!next(records, file, start)) {
                throw new BulkInputException(new RowProblem(file, 1, "header", "the file is empty; expected a header row"));
            }
            List<String> columns = header(file, records.next());
            List<InputRow> rows = new ArrayList<>();
            List<RowProblem> problems = new ArrayList<>();
            start = (int) parser.getCurrentLineNumber() + 1;
            while (next(records, file, start)) {
                CSVRecord record = records.next();
                row(file, start, columns, record, rows, problems);
                start = (int) parser.getCurrentLineNumber() + 1;
            }
            if (rows.isEmpty()) {
                throw new BulkInputException(new RowProblem(file, 2, "row", "the file holds a header but no rows"));
            }
            return new InputFile(file, columns, rows, problems);
        }
    }

    /** Whether there is another record; a record that cannot be parsed ends the reading at the line it started on. */
    private static boolean next(Iterator<CSVRecord> records, Path file, int start) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new BulkInputException(new RowProblem(file, start, "row", "not readable as CSV: " + reason(e)));
        }
    }

    /** commons-csv wraps the parser's own message in one or two of its own. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static List<String> header(Path file, CSVRecord header) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<RowProblem> problems = new ArrayList<>();
        for (String cell : header) {
            String column = cell.strip();
            if (column.isEmpty()) {
                problems.add(new RowProblem(file, 1, "header", "column " + (columns.size() + 1) + " has no name"));
            } else if (!seen.add(column)) {
                problems.add(new RowProblem(file, 1, column, "named twice in the header"));
            }
            columns.add(column);
        }
        if (!problems.isEmpty()) {
            throw new BulkInputException(problems);
        }
        return columns;
    }

    private static void row(Path file, int line, List<String> columns, CSVRecord record, List<InputRow> rows,
                            List<RowProblem> problems) {
        if (record.size() != columns.size()) {
            problems.add(new RowProblem(file, line, "row", record.size() + " cell(s) where the header has "
                    + columns.size()));
            rows.add(new InputRow(line, Map.of()));
            return;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        boolean fits = true;
        for (int i = 0; i < columns.size(); i++) {
            RowProblem tooLong = InputFile.tooLong(file, line, columns.get(i), record.get(i));
            if (tooLong != null) {
                problems.add(tooLong);
                fits = false;
            }
            cells.put(columns.get(i), record.get(i));
        }
        rows.add(new InputRow(line, fits ? cells : Map.of()));
    }
}
