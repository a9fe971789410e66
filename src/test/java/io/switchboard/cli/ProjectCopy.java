package io.switchboard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shipped {@code config/} copied into a test's own project folder, for the test to edit. */
final class ProjectCopy {
    private ProjectCopy() {
    }

    static void copyConfig(Path home) throws IOException {
        Files.createDirectories(home.resolve("config"));
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, home.resolve("config").resolve(file.getFileName()));
            }
        }
    }

    /**
     * Replaces the first {@code from} after {@code after} in the file: mapping files repeat field names from one
     * configuration to the next.
     *
     * @return the line it was on, as validate and check-connection report it
     */
    static int edit(Path file, String after, String from, String to) throws IOException {
        String text = Files.readString(file);
        int anchor = text.indexOf(after);
        int at = anchor < 0 ? -1 : text.indexOf(from, anchor);
        if (at < 0) {
            throw new IllegalArgumentException("no '" + from + "' after '" + after + "' in " + file);
        }
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
