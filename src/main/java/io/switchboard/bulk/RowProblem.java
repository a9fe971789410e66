package io.switchboard.bulk;

import java.nio.file.Path;

/**
 * What is wrong with one row (or the header, or the whole file), printed as {@code FILE:LINE: column: message} so that
 * editors and terminals jump to it. {@code column} is {@code header} or {@code row} for problems of no one cell.
 */
public record RowProblem(Path file, int line, String column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + column + ": " + message;
    }
}
