package io.switchboard.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** One of the jar's commands run in this JVM the way the jar runs it, in a project folder with its own environment. */
record CommandRun(int exitCode, String output) {

    static CommandRun run(Path home, Map<String, String> environment, String... args) {
        return run(home, environment, new ByteArrayOutputStream(), args);
    }

    /** As {@link #run(Path, Map, String...)}, printing into {@code out}, which a test may read while it runs. */
    static CommandRun run(Path home, Map<String, String> environment, ByteArrayOutputStream out, String... args) {
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = CommandLine.withStandardCommands(new Console(stream, stream, environment::get, home)).run(args);
        return new CommandRun(exit, out.toString(StandardCharsets.UTF_8));
    }
}
