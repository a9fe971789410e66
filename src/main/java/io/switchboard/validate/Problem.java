package io.switchboard.validate;

import java.nio.file.Path;

/** One thing wrong in a routes or config file, located by file and line (0 when the whole file is meant). */
public record Problem(Path file, int line, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
