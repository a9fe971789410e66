package io.switchboard.bulk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the input file: the line it starts on (a CSV cell may span lines) and its cells by column, in file
 * order; a cell left empty is an empty string.
 */
public record InputRow(int line, Map<String, String> cells) {
    public InputRow {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** The cell's value, stripped; empty when the row has no such column or leaves it empty. */
    public String value(String column) {
        String value = cells.get(column);
        return value == null ? "" : value.strip();
    }
}
