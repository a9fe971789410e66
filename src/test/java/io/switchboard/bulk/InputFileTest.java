package io.switchboard.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input file read as rows, and hostile input refused with its file, line and column. */
class InputFileTest {
    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private List<String> refusal(Path file) {
        return assertThrows(BulkInputException.class, () -> InputFile.read(file)).problems().stream()
                .map(RowProblem::toString).toList();
    }

    @Test
    void shouldReadQuotedCommasQuotesAndLineBreaksAndNameEachRowByTheLineItStartsOn() throws IOException {
        Path file = write("rows.csv", "id,note\r\na,\"one, two\"\r\nb,\"say \"\"hi\"\"\nand go\"\r\nc,plain\r\n");

        InputFile input = InputFile.read(file);

        assertEquals(List.of("id", "note"), input.columns());
        assertEquals(List.of(), input.problems());
        assertEquals(List.of(new InputRow(2, Map.of("id", "a", "note", "one, two")),
                new InputRow(3, Map.of("id", "b", "note", "say \"hi\"\nand go")),
                new InputRow(5, Map.of("id", "c", "note", "plain"))), input.rows());
    }

    @Test
    void shouldDropAByteOrderMarkSoThatTheFirstColumnKeepsItsName() throws IOException {
        Path file = write("bom.csv", "\uFEFFid,note\na,b\n");

        InputFile input = InputFile.read(file);

        assertEquals(List.of("id", "note"), input.columns());
        assertEquals("a", input.rows().get(0).value("id"));
    }

    @Test
    void shouldRefuseAnUnterminatedQuoteAtTheLineItOpensOn() throws IOException {
        Path file = write("open.csv", "id,note\na,b\nc,\"never closed\nd,e\n");

        List<String> problems = refusal(file);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(file + ":3: row: not readable as CSV: "), problems.toString());
    }

    @Test
    void shouldRefuseAnEmptyFile() throws IOException {
        Path file = write("empty.csv", "");

        assertEquals(List.of(file + ":1: header: the file is empty; expected a header row"), refusal(file));
    }

    @Test
    void shouldRefuseAHeaderWithoutRows() throws IOException {
        Path file = write("header.csv", "id,note\n");

        assertEquals(List.of(file + ":2: row: the file holds a header but no rows"), refusal(file));
    }

    @Test
    void shouldRefuseAColumnNamedTwice() throws IOException {
        Path file = write("twice.csv", "id,status,id\na,b,c\n");

        assertEquals(List.of(file + ":1: id: named twice in the header"), refusal(file));
    }

    @Test
    void shouldRefuseAFileTypeItDoesNotKnowRatherThanGuess() throws IOException {
        Path file = write("rows.txt", "id\na\n");

        assertEquals(List.of(file + ":1: file: unknown file type; expected .csv, .jsonl or .ndjson"), refusal(file));
    }

    @Test
    void shouldNameARowWithMoreOrFewerCellsThanTheHeader() throws IOException {
        Path file = write("cells.csv", "id,note\na,b,c\nd\ne,f\n");

        InputFile input = InputFile.read(file);

        assertEquals(List.of(file + ":2: row: 3 cell(s) where the header has 2",
                file + ":3: row: 1 cell(s) where the header has 2"),
                input.problems().stream().map(RowProblem::toString).toList());
        assertEquals("e", input.rows().get(2).value("id"));
    }

    @Test
    void shouldNameACellLongerThanAnyFieldHolds() throws IOException {
        Path file = write("big.csv", "id,note\na,\"" + "x".repeat(10 * 1024 * 1024) + "\"\n");

        InputFile input = InputFile.read(file);

        assertEquals(List.of(file + ":2: note: 10485760 characters; a cell holds at most 131072"),
                input.problems().stream().map(RowProblem::toString).toList());
    }

    @Test
    void shouldReadJsonLinesWithTheirValuesAsTextAndPassOverBlankLines() throws IOException {
        Path file = write("rows.jsonl", "{\"id\": \"a\", \"count\": 3, \"flag\": true}\n\n{\"id\": \"b\", \"note\": null}\n");

        InputFile input = InputFile.read(file);

        assertEquals(List.of("id", "count", "flag", "note"), input.columns());
        assertEquals(List.of(new InputRow(1, Map.of("id", "a", "count", "3", "flag", "true")),
                new InputRow(3, Map.of("id", "b", "note", ""))), input.rows());
    }

    @Test
    void shouldNameAJsonLineThatIsNotAnObject() throws IOException {
        Path file = write("rows.ndjson", "{\"id\": \"a\"}\n[1, 2]\n{\"id\": \n{\"id\": {\"nested\": 1}}\n");

        List<String> problems = InputFile.read(file).problems().stream().map(RowProblem::toString).toList();

        assertEquals(3, problems.size(), problems.toString());
        assertEquals(file + ":2: row: expected a JSON object, found ARRAY", problems.get(0));
        assertTrue(problems.get(1).startsWith(file + ":3: row: not JSON: "), problems.toString());
        assertEquals(file + ":4: id: expected text, a number or a boolean, found OBJECT", problems.get(2));
    }
}
