package io.switchboard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What {@code demo --console} adds: the sign-in token kept in a private file, and running until Ctrl-C. */
final class DemoConsole {
    /** Time the engine and the emulator get to close after Ctrl-C. */
    private static final long CLOSE_SECONDS = 30;

    private DemoConsole() {
    }

    /** The port SWITCHBOARD_PORT names for the console; the demo needs one it can print, so 0 is refused too. */
    static int port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below with what is expected
        }
        throw new UsageException("SWITCHBOARD_PORT must be a whole number from 1 to 65535 for demo --console, not '"
                + value + "'");
    }

    /** The token in a file only its owner may read, so that it is never printed nor left in a terminal's history. */
    static Path writeToken(Path dataDir, String token) throws IOException {
        Path file = dataDir.resolve("console-token");
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the temporary folder is the user's own on such systems
        }
        Files.writeString(file, token + System.lineSeparator());
        return file;
    }

    /** Registers for Ctrl-C and SIGTERM now; {@link Stop#await} returns on one, {@link Stop#closed} lets it end. */
    static Stop onStop() {
        Stop stop = new Stop();
        Runtime.getRuntime().addShutdownHook(new Thread(stop::hold, "demo-console-stop"));
        return stop;
    }

    /**
     * The stop of a process that keeps running: the shutdown waits until the engine and the emulator are closed,
     * which the caller does on its way out once {@link #await} has returned.
     */
    static final class Stop {
        private final CountDownLatch asked = new CountDownLatch(1);
        private final CountDownLatch closed = new CountDownLatch(1);

        void await() throws InterruptedException {
            asked.await();
        }

        void closed() {
            closed.countDown();
        }

        private void hold() {
            asked.countDown();
            try {
                closed.await(CLOSE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
