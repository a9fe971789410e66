package io.switchboard.emulator.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one upload of job data as Bulk API 2.0 does: RFC 4180 quoting with the job's delimiter and line ending,
 * values never trimmed, and data whose line endings differ from the job's refused as a whole. A UTF-8 byte-order
 * mark is data like any other character, as Salesforce reads it.
 */
final class CsvReader {
    private static final char QUOTE = '"';
    private static final int MAX_HEADER_CHARACTERS = 32_000;

    private final String text;
    private final char delimiter;
    private final LineEnding lineEnding;
    private int position;

    private CsvReader(String text, char delimiter, LineEnding lineEnding) {
        this.text = text;
        this.delimiter = delimiter;
        this.lineEnding = lineEnding;
    }

    /** The table in {@code text}; an empty header when the upload holds nothing. */
    static CsvTable read(String text, ColumnDelimiter delimiter, LineEnding lineEnding) {
        checkLineEndings(text, lineEnding);
        return new CsvReader(text, delimiter.character(), lineEnding).table();
    }

    /**
     * An LF job refuses any CR LF, a CRLF job any LF without its CR, inside quoted values too: Salesforce fails a job
     * with embedded line breaks of the other kind the same way.
     */
    private static void checkLineEndings(String text, LineEnding lineEnding) {
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            boolean afterCarriageReturn = i > 0 && text.charAt(i - 1) == '\r';
            if (afterCarriageReturn != (lineEnding == LineEnding.CRLF)) {
                throw JobFailure.lineEnding(lineEnding);
            }
        }
    }

    private CsvTable table() {
        List<List<String>> records = new ArrayList<>();
        while (position < text.length()) {
            int start = position;
            List<String> record = record();
            boolean blankLine = record.size() == 1 && record.get(0).isEmpty()
                    && position - start <= lineEnding.characters().length();
            if (blankLine) {
                continue;
            }
            if (records.isEmpty() && position - start > MAX_HEADER_CHARACTERS) {
                throw JobFailure.headerTooLong();
            }
            records.add(record);
        }
        if (records.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        List<String> header = records.get(0);
        List<List<String>> rows = records.subList(1, records.size());
        for (int row = 0; row < rows.size(); row++) {
            if (rows.get(row).size() != header.size()) {
                throw JobFailure.columnCount(row + 1, rows.get(row).size(), header.size());
            }
        }
        return new CsvTable(header, rows);
    }

    /** Reads one record and the line ending after it. */
    private List<String> record() {
        List<String> values = new ArrayList<>();
        while (true) {
            values.add(text.startsWith(String.valueOf(QUOTE), position) ? quoted() : unquoted());
            if (position >= text.length()) {
                return values;
            }
            if (text.charAt(position) == delimiter) {
                position++;
                continue;
            }
            position += lineEnding.characters().length();
            return values;
        }
    }

    private String unquoted() {
        StringBuilder value = new StringBuilder();
        while (position < text.length() && text.charAt(position) != delimiter && !atLineEnd()) {
            char c = text.charAt(position);
            if (c == QUOTE) {
                throw JobFailure.unescapedQuote();
            }
            value.append(c);
            position++;
        }
        return value.toString();
    }

    /** A quoted value, its doubled quotes undone; what follows the closing quote must end the value. */
    private String quoted() {
        StringBuilder value = new StringBuilder();
        position++;
        while (true) {
            if (position >= text.length()) {
                throw JobFailure.unclosedQuote();
            }
            char c = text.charAt(position);
            if (c != QUOTE) {
                value.append(c);
                position++;
                continue;
            }
            if (position + 1 < text.length() && text.charAt(position + 1) == QUOTE) {
                value.append(QUOTE);
                position += 2;
                continue;
            }
            position++;
            if (position < text.length() && text.charAt(position) != delimiter && !atLineEnd()) {
                throw JobFailure.unescapedQuote();
            }
            return value.toString();
        }
    }

    private boolean atLineEnd() {
        return text.startsWith(lineEnding.characters(), position);
    }
}
