package io.switchboard.mapping;

import java.nio.file.Path;

/** One thing wrong in a mapping file: the file, the line (0 when the whole file is meant) and what was expected. */
public record MappingProblem(Path file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
