package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What this process has written so far, as Linux counts it; empty where /proc does not tell. */
final class ProcessIo {
    private static final String WRITTEN = "wchar:";

    private ProcessIo() {
    }

    /**
     * Bytes handed to write calls ({@code wchar} of /proc/self/io): files and sockets alike, whether or not they
     * reached the disk yet, which for the store's file is what its commits cost.
     */
    static OptionalLong bytesWritten() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith(WRITTEN)) {
                    return OptionalLong.of(Long.parseLong(line.substring(WRITTEN.length()).strip()));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
