package io.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import io.switchboard.campaigns.SmsCampaignOptions;
import io.switchboard.contacts.ContactSyncOptions;
import io.switchboard.referrals.ReferralSendOptions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's settings tables are the option registry written out: every declared option has its row, with its
 * variable, key, default and description, and a table has no row the registry does not declare. The engine's own
 * settings (application.properties and the connections) are one table, those of the jobs that reach other platforms
 * (each read from its behaviour's file) another. On a mismatch the message is the table as it should read, ready to
 * paste.
 */
class SettingsTableTest {
    private static final String BEGIN = "<!-- settings table: generated from the option registry, checked by SettingsTableTest -->";
    private static final String END = "<!-- end of settings table -->";
    private static final String JOBS_BEGIN = "<!-- jobs' settings table: generated from the option registry, checked by SettingsTableTest -->";
    private static final String JOBS_END = "<!-- end of jobs' settings table -->";

    /** Options read from a block of a behaviour's file, each overridden by its variable; null file: variables only. */
    private record JobOptions(String file, String block, List<Option<?>> options) {
    }

    private static final List<JobOptions> JOBS = List.of(
            new JobOptions("config/contact-sync.yaml", "delivery", ContactSyncOptions.ALL),
            new JobOptions("config/referral-send.yaml", "caseXchange", ReferralSendOptions.ALL),
            new JobOptions(null, null, SmsCampaignOptions.ALL));

    /** The table as the registry says it should read. */
    static String expectedTable() {
        List<String> rows = new ArrayList<>();
        rows.add("| variable | file key | default | allowed | meaning |");
        rows.add("|---|---|---|---|---|");
        Stream.of(EngineOptions.ALL, connectionOptions(), EmulatorOptions.ALL).flatMap(List::stream)
                .forEach(option -> rows.add(row(option)));
        return String.join("\n", rows);
    }

    /** The jobs' table as the registry says it should read. */
    static String expectedJobsTable() {
        List<String> rows = new ArrayList<>();
        rows.add("| variable | file and key | default | allowed | meaning |");
        rows.add("|---|---|---|---|---|");
        for (JobOptions job : JOBS) {
            for (Option<?> option : job.options()) {
                String where = job.file() == null || option.key() == null ? "environment only"
                        : "`" + job.file() + "` " + code(job.block() + "." + option.key());
                rows.add(row(option, where));
            }
        }
        return String.join("\n", rows);
    }

    private static List<Option<?>> connectionOptions() {
        return ConnectionOptions.ALL.stream().<Option<?>>map(option -> ConnectionOptions.of(ConnectionOptions.DEFAULT, option))
                .toList();
    }

    private static String row(Option<?> option) {
        return row(option, code(option.key()));
    }

    /** The option's row, with {@code where} in the column that says where a file sets it. */
    private static String row(Option<?> option, String where) {
        return "| " + code(option.envName()) + " | " + where + " | "
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
        assertTable(BEGIN, END, expectedTable());
    }

    @Test
    void shouldListEveryJobSettingInTheReadmeExactlyAsDeclared() throws IOException {
        assertTable(JOBS_BEGIN, JOBS_END, expectedJobsTable());
    }

    private static void assertTable(String beginMarker, String endMarker, String expected) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int begin = readme.indexOf(beginMarker);
        int end = readme.indexOf(endMarker);
        String table = begin < 0 || end < begin ? "(no table between the markers)"
                : readme.substring(begin + beginMarker.length(), end).strip();
        assertEquals(expected, table, "README.md's table differs from the option registry; it should read:\n"
                + beginMarker + "\n" + expected + "\n" + endMarker + "\n");
    }
}
