package io.switchboard.bulk;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the results CSV: one line per input row, in file order, with a fixed header that scripts rely on. */
public final class ResultsFile {
    static final String[] HEADER = {"line", "key", "salesforceId", "outcome", "errorCode", "message"};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private ResultsFile() {
    }

    /** Where the results go without {@code --results}: beside the input, as {@code FILE.results.csv}. */
    public static Path besides(Path input) {
        return input.resolveSibling(input.getFileName() + ".results.csv");
    }

    public static void write(Path file, List<RowResult> results) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            for (RowResult result : results) {
                printer.printRecord(result.line(), result.key(), result.salesforceId(), result.outcome().label(),
                        result.errorCode(), result.message());
            }
        }
    }
}
