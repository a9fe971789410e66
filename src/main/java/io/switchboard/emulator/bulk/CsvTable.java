package io.switchboard.emulator.bulk;

import java.util.List;

/** One upload's CSV data: its header row as written, and the rows under it. */
record CsvTable(List<String> header, List<List<String>> rows) {
    CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
