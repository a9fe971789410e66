package io.switchboard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What a command works with: where it prints, the environment it reads and the folder holding
 * {@code config/} and {@code routes/}. Tests give their own, so no command touches process-wide state.
 */
public record Console(PrintStream out, PrintStream err, UnaryOperator<String> environment, Path home) {

    public Path configDir() {
        return home.resolve("config");
    }

    public Path routesDir() {
        return home.resolve("routes");
    }
}
