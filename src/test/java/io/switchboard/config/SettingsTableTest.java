package io.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table is the option registry written out: every declared option has its row, with its
 * variable, key, default and description, and the table has no row the registry does not declare. On a mismatch the
 * message is the table as it should read, ready to paste.
 */
class SettingsTableTest {
    private static final String BEGIN = "<!-- settings table: generated from the option registry, checked by SettingsTableTest -->";
    private static final String END = "<!-- end of settings table -->";

    /** The table as the registry says it should read. */
    static String expectedTable() {
        List<String> rows = new ArrayList<>();
        rows.add("| variable | file key | default | allowed | meaning |");
        rows.add("|---|---|---|---|---|");
        Stream.of(EngineOptions.ALL, connectionOptions(), EmulatorOptions.ALL).flatMap(List::stream)
                .forEach(option -> rows.add(row(option)));
        return String.join("\n", rows);
    }

    private static List<Option<?>> connectionOptions() {
        return ConnectionOptions.ALL.stream().<Option<?>>map(option -> ConnectionOptions.of(ConnectionOptions.DEFAULT, option))
                .toList();
    }

    private static String row(Option<?> option) {
        return "| " + code(option.envName()) + " | " + code(option.key()) + " | "
                + (option.defaultValue() == null ? "" : code(option.defaultValue())) + " | " + option.expected()
                + " | " + option.description() + " |";
    }

    private static String code(String text) {
        return text == null ? "" : "`" + text + "`";
    }

    /** The shipped file shows the defaults for operators to edit; it must not quietly change one. */
    @Test
    void shouldShipApplicationPropertiesWithTheDeclaredDefaults() {
        ConfigFile shipped = ConfigFile.parse(Path.of("config", Configuration.APPLICATION_FILE));
        List<String> differing = new ArrayList<>();
        for (Option<?> option : EngineOptions.ALL) {
            ConfigFile.Entry entry = option.key() == null ? null : shipped.entries().get(option.key());
            if (entry != null && !option.secret() && !entry.rawValue().equals(option.defaultValue())) {
                differing.add(option.key() + " = " + entry.rawValue() + " (declared default " + option.defaultValue() + ")");
            }
        }
        assertEquals(List.of(), differing);
    }

    @Test
    void shouldListEveryDeclaredSettingInTheReadmeExactlyAsDeclared() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        String table = begin < 0 || end < begin ? "(no table between the markers)"
                : readme.substring(begin + BEGIN.length(), end).strip();
        assertEquals(expectedTable(), table, "README.md's settings table differs from the option registry; it should read:\n"
                + BEGIN + "\n" + expectedTable() + "\n" + END + "\n");
    }
}
