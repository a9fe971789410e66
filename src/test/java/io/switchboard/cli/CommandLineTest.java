package io.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.events.EventType;
import io.switchboard.mapping.MappingFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path home, String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get, home);
        return CommandLine.withStandardCommands(console).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldListEveryCommandOnHelp() {
        assertEquals(0, run(Path.of("."), "--help"));
        for (String command : new String[] {"run", "demo", "emulator", "check-connection", "validate"}) {
            assertTrue(out().contains("  " + command + " "), out());
        }
    }

    @Test
    void shouldPrintTheVersionOfTheBuild() {
        assertEquals(0, run(Path.of("."), "--version"));
        assertTrue(out().matches("switchboard \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), out());
    }

    @Test
    void shouldPrintUsageOfEachCommand() {
        assertEquals(0, run(Path.of("."), "check-connection", "--help"));
        assertTrue(out().startsWith("Usage: java -jar target/switchboard.jar check-connection [NAME]"), out());
    }

    @Test
    void shouldRefuseAnUnknownCommandInOneLineWithExitCodeTwo() {
        assertEquals(2, run(Path.of("."), "frobnicate"));
        assertEquals("switchboard: unknown command 'frobnicate' (see --help)\n", err());
    }

    @Test
    void shouldRefuseAnUnknownOptionWithExitCodeTwo() {
        assertEquals(2, run(Path.of("."), "--verbose"));
        assertEquals("switchboard: unknown option '--verbose' (see --help)\n", err());
        assertEquals(2, run(Path.of("."), "validate", "--strict"));
        assertTrue(err().contains("switchboard validate: unknown option '--strict'"), err());
    }

    @Test
    void shouldValidateTheShippedProject() {
        assertEquals(0, run(Path.of("").toAbsolutePath(), "validate"), out() + err());
        assertTrue(out().contains("All route and config files are valid."), out());
    }

    @Test
    void shouldExitOneAndNameFileAndLineWhenValidationFails(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("config/application.properties"), "switchboard.port = 8080\n");
        for (EventType type : EventType.values()) {
            // several types share one file (contact-changed and contact-delivery: contact-sync.yaml)
            Files.copy(MappingFiles.file(Path.of("config"), type), MappingFiles.file(home.resolve("config"), type),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(home.resolve("routes/bad.camel.yaml"), "- route:\n    id: bad\n  from: [\n");
        assertEquals(1, run(home, "validate"));
        assertTrue(out().contains("routes/bad.camel.yaml:"), out());
        assertTrue(out().contains("1 problem found."), out());
    }

    @Test
    void shouldRefuseToRunWithoutATokenAndSaySo(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.properties"), "switchboard.port = 0\n");
        assertEquals(1, run(home, "run"));
        assertTrue(err().contains("SWITCHBOARD_API_TOKEN is not set"), err());
    }

    @Test
    void shouldRefuseAnUnknownConnectionName() {
        assertEquals(2, run(Path.of("").toAbsolutePath(), "check-connection", "nowhere"));
        assertTrue(err().contains("unknown connection 'nowhere'; configured: default"), err());
    }
}
