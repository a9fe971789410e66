package io.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.emulator.admin.RequestLogEntry;
import io.switchboard.emulator.seed.SeededOrg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bulk-update killed with SIGKILL in its own JVM part-way through, then run again with the same file: every row is
 * written exactly once. The emulator's clock is frozen at one instant for the killed run and at another for the
 * resumed one, so each record's SystemModstamp says which run wrote it last.
 */
class BulkUpdateResumeTest {
    private static final String HEADER = "salesforceRecordId,status,receivingFirm\n";
    private static final Instant KILLED_RUN = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant RESUMED_RUN = Instant.parse("2026-03-01T11:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static SalesforceEmulator emulator;
    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void freshOrg() {
        emulator.admin().reset();
    }

    private Map<String, String> environment() {
        return Map.of("SF_LOGIN_URL", emulator.baseUrl(), "SF_CLIENT_ID", SeededOrg.CLIENT_ID,
                "SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET, "SWITCHBOARD_DATA_DIR", folder.resolve("data").toString());
    }

    /** bulk-update as the jar runs it, in a JVM of its own that the test can kill. */
    private Process startInItsOwnJvm(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.switchboard.cli.Switchboard", "bulk-update"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        return builder.start();
    }

    private CommandRun runHere(String... args) {
        List<String> all = new ArrayList<>(List.of("bulk-update"));
        all.addAll(List.of(args));
        return CommandRun.run(Path.of("").toAbsolutePath(), environment(), all.toArray(String[]::new));
    }

    /** A file of referral status changes, one per new referral, in order; answers the ids by line. */
    private Map<Integer, String> referrals(Path file, int rows) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        Map<Integer, String> ids = new HashMap<>();
        for (int row = 0; row < rows; row++) {
            String id = emulator.admin().insertRecord("Referral__c", Map.of("Name", "R-" + row, "Status__c", "Pending"));
            ids.put(row + 2, id);
            csv.append(id).append(",Accepted,\"Firm, ").append(row).append("\"\n");
        }
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        return ids;
    }

    private static Map<String, Map<String, Object>> referralsById() {
        return emulator.admin().records("Referral__c").stream()
                .collect(Collectors.toMap(record -> (String) record.get("Id"), record -> record));
    }

    private static Set<String> writtenAt(Instant at) {
        String stamp = at.toString().replace("Z", ".000+0000");
        return referralsById().values().stream().filter(record -> stamp.equals(record.get("SystemModstamp")))
                .map(record -> (String) record.get("Id")).collect(Collectors.toSet());
    }

    /**
     * The records stamped {@code at} once no more arrive: a call the killed JVM sent just before it died is still
     * being answered by the emulator (with its latency) and writes after the kill.
     */
    private static Set<String> settledWritesAt(Instant at) throws InterruptedException {
        Set<String> written = writtenAt(at);
        Instant deadline = Instant.now().plus(PATIENCE);
        for (int quiet = 0; quiet < 5 && Instant.now().isBefore(deadline); ) {
            Thread.sleep(100);
            Set<String> now = writtenAt(at);
            quiet = now.equals(written) ? quiet + 1 : 0;
            written = now;
        }
        return written;
    }

    private static long count(String method, String pathEnd) {
        return emulator.admin().requests().stream()
                .filter(entry -> entry.method().equals(method) && entry.path().matches(".*" + pathEnd)).count();
    }

    private static String journal(Path file) throws IOException {
        Path journal = file.resolveSibling(file.getFileName() + ".results.csv.journal");
        return Files.exists(journal) ? Files.readString(journal, StandardCharsets.UTF_8) : "";
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void assertEveryReferralAccepted(Map<Integer, String> ids) {
        Map<String, Map<String, Object>> referrals = referralsById();
        ids.forEach((line, id) -> {
            assertEquals("Accepted", referrals.get(id).get("Status__c"), "line " + line);
            assertEquals("Firm, " + (line - 2), referrals.get(id).get("Receiving_Firm__c"), "line " + line);
        });
    }

    @Test
    void shouldSendOnlyTheRowsAKilledRunDidNotWriteThroughCollections() throws Exception {
        Path file = folder.resolve("collections.csv");
        Map<Integer, String> ids = referrals(file, 3000);
        emulator.admin().setClock(KILLED_RUN, true);
        emulator.admin().latency(100);
        emulator.admin().clearRequests();

        Process killed = startInItsOwnJvm(folder.resolve("killed.log"), "referral-status", file.toString(),
                "--bulk-threshold", "100000");
        await("five answered calls in the journal", () -> {
            try {
                return journal(file).split("\"results\"").length > 5;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        killed.destroyForcibly().waitFor();
        Set<String> writtenBeforeTheKill = settledWritesAt(KILLED_RUN);
        assertTrue(writtenBeforeTheKill.size() >= 1000 && writtenBeforeTheKill.size() < 3000,
                writtenBeforeTheKill.size() + " rows written before the kill");
        emulator.admin().latency(0);
        emulator.admin().setClock(RESUMED_RUN, true);
        emulator.admin().clearRequests();

        CommandRun resumed = runHere("referral-status", file.toString(), "--bulk-threshold", "100000");

        String output = resumed.output();
        assertEquals(0, resumed.exitCode(), output + Files.readString(folder.resolve("killed.log")));
        int written = writtenBeforeTheKill.size();
        assertTrue(output.contains(written + " row(s) written by an earlier run are not sent again"), output);
        assertTrue(output.contains("done: 3000 rows, 3000 updated, 0 created, 0 failed, 0 skipped"), output);
        assertEveryReferralAccepted(ids);
        assertEquals(writtenBeforeTheKill, writtenAt(KILLED_RUN), "no row the killed run wrote is written again");
        assertEquals(3000 - written, writtenAt(RESUMED_RUN).size());
        assertEquals((3000 - written + 199) / 200, count("PATCH", "/composite/sobjects"),
                "the rows not written, 200 a call, once each");
    }

    @Test
    void shouldReadBackRowsWhoseAnswerWasLostAndNotWriteThemAgain() throws Exception {
        Path file = folder.resolve("lost.csv");
        Map<Integer, String> ids = referrals(file, 1000);
        emulator.admin().setClock(KILLED_RUN, true);
        emulator.admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("PATCH", "/composite/sobjects")
                .afterSkipping(2));

        CommandRun lost = runHere("referral-status", file.toString());

        assertEquals(1, lost.exitCode(), lost.output());
        assertTrue(lost.output().contains("done: 1000 rows, 800 updated, 0 created, 200 failed, 0 skipped"),
                lost.output());
        assertEquals(1000, writtenAt(KILLED_RUN).size(), "the call whose answer was lost was written all the same");
        emulator.admin().clearFaults();
        emulator.admin().setClock(RESUMED_RUN, true);
        emulator.admin().clearRequests();

        CommandRun resumed = runHere("referral-status", file.toString());

        String output = resumed.output();
        assertEquals(0, resumed.exitCode(), output);
        assertTrue(output.contains("200 row(s) sent by the earlier run without an answer, read back: 200 written then, "
                + "0 to send again"), output);
        assertTrue(output.contains("1000 row(s) written by an earlier run are not sent again"), output);
        assertEveryReferralAccepted(ids);
        assertEquals(1000, writtenAt(KILLED_RUN).size(), "none written twice");
        assertEquals(0, count("PATCH", "/composite/sobjects"));
        assertEquals(1, count("GET", "/query"), "the 200 rows in doubt read back in one query");
    }

    @Test
    void shouldAwaitTheBulkJobOfAKilledRunRatherThanOpenAnother() throws Exception {
        Path file = folder.resolve("job.csv");
        Map<Integer, String> ids = referrals(file, 3000);
        emulator.admin().bulkChunkDelayMillis(1000);
        emulator.admin().clearRequests();

        Process killed = startInItsOwnJvm(folder.resolve("killed.log"), "referral-status", file.toString());
        await("the killed run's job to be closed", () -> emulator.admin().requests().stream().anyMatch(
                (RequestLogEntry entry) -> entry.method().equals("PATCH") && entry.path().contains("/jobs/ingest/")
                        && entry.status() == 200));
        killed.destroyForcibly().waitFor();
        String jobId = journal(file).replaceAll("(?s).*\"job\":\"(\\w+)\".*", "$1");

        CommandRun resumed = runHere("referral-status", file.toString());

        String output = resumed.output();
        assertEquals(0, resumed.exitCode(), output + Files.readString(folder.resolve("killed.log")));
        assertTrue(output.contains("Bulk API job " + jobId + " of the earlier run was "), output);
        assertTrue(output.contains(": awaited and read, not opened again"), output);
        assertTrue(output.contains("3000 row(s) written by an earlier run are not sent again"), output);
        assertTrue(output.contains("done: 3000 rows, 3000 updated, 0 created, 0 failed, 0 skipped"), output);
        assertEveryReferralAccepted(ids);
        assertEquals(1, count("POST", "/jobs/ingest"), "one job in all");
        assertEquals(1, count("PUT", "/jobs/ingest/\\w+/batches"), "its rows uploaded once");
        assertEquals(0, count("PATCH", "/composite/sobjects"));
    }
}
