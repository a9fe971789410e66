package io.switchboard.config;

import java.nio.file.Path;

/** A configuration problem an operator must fix, located by file and line where it has one. */
public class ConfigException extends RuntimeException {
    private final Path file;
    private final int line;

    public ConfigException(Path file, int line, String message) {
        super(message);
        this.file = file;
        this.line = line;
    }

    public ConfigException(String message) {
        this(null, 0, message);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** {@code config/application.properties:12: message}, or the bare message when it has no location. */
    public String located() {
        if (file == null) {
            return getMessage();
        }
        return file + (line > 0 ? ":" + line : "") + ": " + getMessage();
    }
}
