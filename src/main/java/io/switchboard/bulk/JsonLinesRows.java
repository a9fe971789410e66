package io.switchboard.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads JSON lines: one object per line, its properties the row's cells (text, numbers and booleans as their text,
 * null as an empty cell). Blank lines are passed over; a line that is not an object is a problem of its row.
 */
final class JsonLinesRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesRows() {
    }

    static InputFile read(Path file, Reader reader) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        Set<String> columns = new LinkedHashSet<>();
        List<InputRow> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        int number = 0;
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            number++;
            if (!text.isBlank()) {
                rows.add(row(file, number, text, columns, problems));
            }
        }
        if (rows.isEmpty()) {
            throw new BulkInputException(new RowProblem(file, 1, "row", "the file holds no JSON line"));
        }
        return new InputFile(file, new ArrayList<>(columns), rows, problems);
    }

    private static InputRow row(Path file, int line, String text, Set<String> columns, List<RowProblem> problems) {
        JsonNode object;
        try {
            object = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(new RowProblem(file, line, "row", "not JSON: " + e.getOriginalMessage()));
            return new InputRow(line, Map.of());
        }
        if (!object.isObject()) {
            problems.add(new RowProblem(file, line, "row", "expected a JSON object, found " + object.getNodeType()));
            return new InputRow(line, Map.of());
        }
        Map<String, String> cells = new LinkedHashMap<>();
        boolean usable = true;
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                problems.add(new RowProblem(file, line, field.getKey(), "expected text, a number or a boolean, found "
                        + value.getNodeType()));
                usable = false;
                continue;
            }
            String cell = value.isNull() ? "" : value.asText();
            RowProblem tooLong = InputFile.tooLong(file, line, field.getKey(), cell);
            if (tooLong != null) {
                problems.add(tooLong);
                usable = false;
            }
            columns.add(field.getKey());
            cells.put(field.getKey(), cell);
        }
        return new InputRow(line, usable ? cells : Map.of());
    }
}
