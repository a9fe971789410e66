package io.switchboard.mapping;

import io.switchboard.validate.Problem;
import java.nio.file.Path;

/** One thing wrong in a mapping file: the file, the line (0 when the whole file is meant) and what was expected. */
public record MappingProblem(Path file, int line, String message) {

    /** The same problem in the form the {@code validate} command reports. */
    public Problem toProblem() {
        return new Problem(file, line, message);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
