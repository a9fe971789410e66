package io.switchboard.bulk;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A bulk update's input, read whole: its columns (the CSV header, or every key the JSON lines use, in the order first
 * seen), its rows, and the problems of single rows (a wrong number of cells, a cell too long), which the row checks
 * add to. The format follows the extension: {@code .csv} is CSV, {@code .jsonl} and {@code .ndjson} are JSON lines;
 * any other extension is refused rather than guessed.
 */
public record InputFile(Path file, List<String> columns, List<InputRow> rows, List<RowProblem> problems) {
    /** Characters a cell may hold: the largest Salesforce text field (a long text area) holds 131,072. */
    static final int MAX_CELL = 131_072;
    private static final char BOM = '\uFEFF';

    public InputFile {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /**
     * @throws BulkInputException when the file cannot be read as rows; nothing must be sent then
     * @throws IOException when the file cannot be opened
     */
    public static InputFile read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (Reader reader = open(file)) {
            if (name.endsWith(".csv")) {
                return CsvRows.read(file, reader);
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                return JsonLinesRows.read(file, reader);
            }
        }
        throw new BulkInputException(new RowProblem(file, 1, "file",
                "unknown file type; expected .csv, .jsonl or .ndjson"));
    }

    /** UTF-8, refusing malformed bytes rather than replacing them, with a leading byte order mark dropped. */
    private static Reader open(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        PushbackReader reader = new PushbackReader(new InputStreamReader(Files.newInputStream(file), utf8));
        int first = reader.read();
        if (first != -1 && first != BOM) {
            reader.unread(first);
        }
        return reader;
    }

    /** The problem of a cell longer than any field holds, or null. */
    static RowProblem tooLong(Path file, int line, String column, String value) {
        return value.length() > MAX_CELL
                ? new RowProblem(file, line, column, value.length() + " characters; a cell holds at most " + MAX_CELL)
                : null;
    }
}
