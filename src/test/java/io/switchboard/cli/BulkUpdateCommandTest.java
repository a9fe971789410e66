package io.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.emulator.admin.RequestLogEntry;
import io.switchboard.emulator.seed.SeededOrg;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bulk-update run in-process against the emulator over real HTTP, with the shipped config/. */
class BulkUpdateCommandTest {
    private static final String HEADER = "salesforceRecordId,status,receivingFirm,cxId,referenceNumber\n";
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

    private CommandRun bulkUpdate(String... args) {
        return bulkUpdateIn(Path.of("").toAbsolutePath(), args);
    }

    private CommandRun bulkUpdateIn(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of("bulk-update"));
        all.addAll(List.of(args));
        return CommandRun.run(home, environment(), all.toArray(String[]::new));
    }

    private Map<String, String> environment() {
        return Map.of("SF_LOGIN_URL", emulator.baseUrl(), "SF_CLIENT_ID", SeededOrg.CLIENT_ID,
                "SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET, "SWITCHBOARD_DATA_DIR", folder.resolve("data").toString());
    }

    private static String referral(String name) {
        return emulator.admin().insertRecord("Referral__c", Map.of("Name", name, "Status__c", "Pending"));
    }

    private static Map<String, Map<String, Object>> referralsById() {
        return emulator.admin().records("Referral__c").stream()
                .collect(Collectors.toMap(record -> (String) record.get("Id"), record -> record));
    }

    /** The calls that write: any request below the REST API that is not a read. */
    private static List<RequestLogEntry> writes() {
        return emulator.admin().requests().stream()
                .filter(entry -> entry.path().startsWith("/services/data/") && !entry.method().equals("GET"))
                .toList();
    }

    private static long apiCalls() {
        return emulator.admin().requests().stream().filter(entry -> entry.path().startsWith("/services/data/")).count();
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<CSVRecord> results(Path file) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            assertEquals(List.of("line", "key", "salesforceId", "outcome", "errorCode", "message"), parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    @Test
    void shouldNameEveryBadLineOfAFiftyRowFileAndSendNothing() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        Map<Integer, String> expected = new HashMap<>();
        for (int row = 0; row < 50; row++) {
            int line = row + 2;
            String id = referral("R-" + row);
            switch (row % 10) {
                case 3 -> {
                    csv.append(id).append(",Lost in space,Firm ").append(row).append(",,\n");
                    expected.put(line, "status: status 'Lost in space' is not a Case Xchange status");
                }
                case 7 -> {
                    csv.append(",Accepted,Firm ").append(row).append(",,\n");
                    expected.put(line, "salesforceRecordId: missing");
                }
                default -> csv.append(id).append(",Accepted,Firm ").append(row).append(",,\n");
            }
        }
        Path file = write("fifty.csv", csv.toString());
        emulator.admin().clearRequests();

        CommandRun run = bulkUpdate("referral-status", file.toString());

        String output = run.output();
        assertEquals(2, run.exitCode(), output);
        assertEquals(10, expected.size());
        expected.forEach((line, problem) -> assertTrue(output.contains(file + ":" + line + ": " + problem), output));
        assertTrue(output.contains(file + ": 10 problem(s) in 50 row(s); nothing sent"), output);
        assertEquals(List.of(), writes());
        assertFalse(Files.exists(file.resolveSibling("fifty.csv.results.csv")));
    }

    @Test
    void shouldUpdateAThousandReferralsWithTheRouteMappingInAFewCalls() throws IOException {
        List<String> ids = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER);
        String[] statuses = {"Accepted", "Rejected", "Signed Up", "Under Evaluation"};
        for (int row = 0; row < 1000; row++) {
            String id = referral("R-" + row);
            ids.add(id);
            csv.append(id).append(',').append(statuses[row % 4]).append(",\"Conti, Rossi & \"\"Partners\"\"\nLine ")
                    .append(row).append("\",CX-").append(row).append(",REF-").append(row).append('\n');
        }
        Path file = write("thousand.csv", csv.toString());
        emulator.admin().clearRequests();

        CommandRun run = bulkUpdate("referral-status", file.toString());

        String output = run.output();
        assertEquals(0, run.exitCode(), output);
        assertTrue(output.contains("done: 1000 rows, 1000 updated, 0 created, 0 failed, 0 skipped"), output);
        Map<String, Map<String, Object>> referrals = referralsById();
        for (int row = 0; row < 1000; row++) {
            Map<String, Object> referral = referrals.get(ids.get(row));
            assertEquals(statuses[row % 4], referral.get("Status__c"), referral.toString());
            assertEquals("Conti, Rossi & \"Partners\"\nLine " + row, referral.get("Receiving_Firm__c"));
        }
        long collectionCalls = writes().stream().filter(entry -> entry.path().endsWith("/composite/sobjects")).count();
        assertEquals(5, collectionCalls, emulator.admin().counters().toString());
        assertEquals(writes().size(), collectionCalls, "every write is a collection call, each record sent once");
        assertEquals(6, apiCalls(), "one describe and five collections: " + emulator.admin().counters());
        List<CSVRecord> results = results(file.resolveSibling("thousand.csv.results.csv"));
        assertEquals(1000, results.size());
        assertEquals(List.of("2", ids.get(0), ids.get(0), "updated", "", ""), results.get(0).toList());
        assertEquals("4", results.get(1).get("line"), "a row's line is where it starts: the first row spans lines 2 and 3");
    }

    @Test
    void shouldMapARowByTheReferralConfigurationAsTheRouteDoes(@TempDir Path home) throws IOException {
        ProjectCopy.copyConfig(home);
        Path config = home.resolve("config/referral-status-changed.yaml");
        ProjectCopy.edit(config, "object:", "cxIdField:", "cxIdField: CX_Id__c");
        ProjectCopy.edit(config, "object:", "referenceNumberField:", "referenceNumberField: CX_Reference_Number__c");
        ProjectCopy.edit(config, "statusMap:", "Accepted: Accepted", "Accepted: Signed Up");
        String id = referral("Configured");
        Path file = write("configured.csv", HEADER + id + ",Accepted,Conti,CX-77,REF-77\n");

        CommandRun run = bulkUpdateIn(home, "referral-status", file.toString());

        assertEquals(0, run.exitCode(), run.output());
        Map<String, Object> referral = referralsById().get(id);
        assertEquals("Signed Up", referral.get("Status__c"), "through the configured status map");
        assertEquals("Conti", referral.get("Receiving_Firm__c"));
        assertEquals("CX-77", referral.get("CX_Id__c"));
        assertEquals("REF-77", referral.get("CX_Reference_Number__c"));
    }

    @Test
    void shouldUpsertByAnExternalIdCreatingTheNewAndUpdatingTheKnown() throws IOException {
        String known = emulator.admin().insertRecord("Referral__c",
                Map.of("Name", "Known", "Status__c", "Pending", "CX_Id__c", "CX-1"));
        Path file = write("upsert.jsonl", """
                {"CX_Id__c": "CX-1", "Status__c": "Accepted", "Receiving_Firm__c": "Conti"}
                {"CX_Id__c": "CX-2", "Name": "New one", "Status__c": "Rejected"}
                """);
        Path results = folder.resolve("out/upsert-results.csv");
        Files.createDirectories(results.getParent());

        CommandRun run = bulkUpdate("Referral__c", file.toString(), "--key", "CX_Id__c", "--results", results.toString());

        assertEquals(0, run.exitCode(), run.output());
        List<CSVRecord> lines = results(results);
        assertEquals(List.of("1", "CX-1", known, "updated", "", ""), lines.get(0).toList());
        assertEquals("created", lines.get(1).get("outcome"));
        Map<String, Object> created = referralsById().get(lines.get(1).get("salesforceId"));
        assertEquals("CX-2", created.get("CX_Id__c"));
        assertEquals("Rejected", created.get("Status__c"));
        assertEquals("Accepted", referralsById().get(known).get("Status__c"));
        assertEquals("Conti", referralsById().get(known).get("Receiving_Firm__c"));
    }

    @Test
    void shouldSendThreeThousandRowsAsOneBulkJobAndNameTheFailedRowsByKeyNotPosition() throws IOException {
        StringBuilder csv = new StringBuilder("Id,Status__c,Receiving_Firm__c\n");
        Map<Integer, String> idByLine = new HashMap<>();
        Map<Integer, String> refusedLines = new HashMap<>();
        for (int row = 0; row < 3000; row++) {
            int line = row + 2;
            String id = referral("R-" + row);
            idByLine.put(line, id);
            boolean refused = row % 97 == 13;
            if (refused) {
                refusedLines.put(line, id);
            }
            csv.append(id).append(',').append(refused ? "Maybe Later" : "Accepted").append(",\"Firm, ").append(row)
                    .append("\"\n");
        }
        Path file = write("three-thousand.csv", csv.toString());
        emulator.admin().clearRequests();

        CommandRun run = bulkUpdate("Referral__c", file.toString(), "--key", "Id");

        String output = run.output();
        assertEquals(1, run.exitCode(), output);
        assertTrue(output.contains("sending 3000 row(s) of " + file + ": Referral__c updated by Id, one Bulk API 2.0 job"),
                output);
        assertTrue(output.contains("done: 3000 rows, " + (3000 - refusedLines.size()) + " updated, 0 created, "
                + refusedLines.size() + " failed, 0 skipped"), output);
        List<CSVRecord> results = results(file.resolveSibling("three-thousand.csv.results.csv"));
        assertEquals(3000, results.size());
        Map<String, Map<String, Object>> referrals = referralsById();
        for (CSVRecord result : results) {
            int line = Integer.parseInt(result.get("line"));
            String id = idByLine.get(line);
            assertEquals(id, result.get("key"), result.toString());
            if (refusedLines.containsKey(line)) {
                assertEquals("failed", result.get("outcome"), result.toString());
                assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", result.get("errorCode"), result.toString());
                assertTrue(result.get("message").contains("Maybe Later"), result.toString());
                assertEquals("Pending", referrals.get(id).get("Status__c"));
            } else {
                assertEquals(List.of(id, "updated", "", ""), result.toList().subList(2, 6), result.toString());
                assertEquals("Accepted", referrals.get(id).get("Status__c"));
                assertEquals("Firm, " + (line - 2), referrals.get(id).get("Receiving_Firm__c"));
            }
        }
        List<String> writes = writes().stream().map(entry -> entry.method() + " " + entry.path()
                .replaceAll("750\\w+", "{job}")).toList();
        assertEquals(List.of("POST /services/data/v62.0/jobs/ingest", "PUT /services/data/v62.0/jobs/ingest/{job}/batches",
                "PATCH /services/data/v62.0/jobs/ingest/{job}"), writes, "one job, one upload, closed; no collections");
        assertTrue(apiCalls() <= 30, "every request of the job is an API call, and the polls back off: " + apiCalls());
    }

    @Test
    void shouldUpsertThroughABulkJobFromTheThresholdUp() throws IOException {
        String known = emulator.admin().insertRecord("Referral__c",
                Map.of("Name", "Known", "Status__c", "Pending", "CX_Id__c", "CX-1"));
        Path file = write("upsert-job.jsonl", """
                {"CX_Id__c": "CX-2", "Name": "New one", "Status__c": "Rejected"}
                {"CX_Id__c": "CX-1", "Status__c": "Accepted"}
                """);

        CommandRun run = bulkUpdate("Referral__c", file.toString(), "--key", "CX_Id__c", "--bulk-threshold", "2");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("one Bulk API 2.0 job"), run.output());
        List<CSVRecord> lines = results(file.resolveSibling("upsert-job.jsonl.results.csv"));
        assertEquals(List.of("1", "CX-2"), lines.get(0).toList().subList(0, 2));
        assertEquals("created", lines.get(0).get("outcome"));
        assertEquals("New one", referralsById().get(lines.get(0).get("salesforceId")).get("Name"));
        assertEquals(List.of("2", "CX-1", known, "updated", "", ""), lines.get(1).toList());
        assertEquals("Accepted", referralsById().get(known).get("Status__c"));
    }

    @Test
    void shouldAbortAJobWhoseUploadFailedAndSendItsRowsInANewJobOnTheNextRun() throws IOException {
        String first = referral("First");
        String second = referral("Second");
        Path file = write("upload-refused.csv", HEADER + first + ",Accepted,Conti,,\n" + second + ",Rejected,Conti,,\n");
        emulator.admin().addFault(FaultRule.times(FaultKind.SERVER_UNAVAILABLE, 1).on("PUT", "/batches"));
        emulator.admin().clearRequests();

        CommandRun refused = bulkUpdate("referral-status", file.toString(), "--bulk-threshold", "1");

        assertEquals(1, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("the job's upload or close failed (SERVER_UNAVAILABLE: "), refused.output());
        List<CSVRecord> lines = results(file.resolveSibling("upload-refused.csv.results.csv"));
        assertEquals(List.of("NOT_PROCESSED", "NOT_PROCESSED"), lines.stream().map(line -> line.get("errorCode")).toList());
        assertEquals("Pending", referralsById().get(first).get("Status__c"));
        assertEquals(1, emulator.admin().requests().stream().filter(entry -> entry.method().equals("PATCH")
                && entry.path().matches(".*/jobs/ingest/\\w+")).count(), "the open job aborted, never closed");

        CommandRun again = bulkUpdate("referral-status", file.toString(), "--bulk-threshold", "1");

        assertEquals(0, again.exitCode(), again.output());
        assertEquals("Accepted", referralsById().get(first).get("Status__c"));
        assertEquals("Rejected", referralsById().get(second).get("Status__c"));
        assertEquals(2, writes().stream().filter(entry -> entry.method().equals("POST")).count(), "a job per run");
    }

    @Test
    void shouldAwaitAJobWhoseCloseWasTakenThoughItsAnswerWasLost() throws IOException {
        String id = referral("Closed");
        Path file = write("close-lost.csv", HEADER + id + ",Accepted,Conti,,\n");
        emulator.admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("PATCH", "/jobs/ingest/"));
        emulator.admin().clearRequests();

        CommandRun run = bulkUpdate("referral-status", file.toString(), "--bulk-threshold", "1");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("settling the job by its state"), run.output());
        assertEquals(List.of("2", id, id, "updated", "", ""),
                results(file.resolveSibling("close-lost.csv.results.csv")).get(0).toList());
        assertEquals("Accepted", referralsById().get(id).get("Status__c"));
        assertEquals(1, writes().stream().filter(entry -> entry.method().equals("POST")).count(), "one job");
    }

    @Test
    void shouldSendNothingAgainForAFileAlreadyWrittenAndRefuseAnEditedOneWithTheSameJournal() throws IOException {
        String id = referral("Once");
        Path file = write("once.csv", HEADER + id + ",Accepted,Conti,,\n");
        assertEquals(0, bulkUpdate("referral-status", file.toString()).exitCode());
        emulator.admin().clearRequests();

        CommandRun again = bulkUpdate("referral-status", file.toString());

        assertEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("1 row(s) written by an earlier run are not sent again"), again.output());
        assertTrue(again.output().contains("done: 1 rows, 1 updated, 0 created, 0 failed, 0 skipped"), again.output());
        assertEquals(List.of(), writes());

        Files.writeString(file, HEADER + id + ",Rejected,Conti,,\n", StandardCharsets.UTF_8);
        CommandRun edited = bulkUpdate("referral-status", file.toString());

        assertEquals(2, edited.exitCode(), edited.output());
        assertTrue(edited.output().contains(file + ".results.csv.journal is the journal of another version of this "
                + "file or another target (Referral__c updated by Id); remove it to start over, or give another "
                + "--results; nothing sent"), edited.output());
        assertEquals(List.of(), writes());
        assertEquals("Accepted", referralsById().get(id).get("Status__c"));
    }

    @Test
    void shouldRefuseADamagedJournalRatherThanGuessWhatWasWritten() throws IOException {
        String id = referral("Damaged");
        Path file = write("damaged.csv", HEADER + id + ",Accepted,Conti,,\n");
        assertEquals(0, bulkUpdate("referral-status", file.toString()).exitCode());
        Path journal = file.resolveSibling("damaged.csv.results.csv.journal");
        List<String> entries = new ArrayList<>(Files.readAllLines(journal));
        entries.add(1, "{\"sending\": [2, ");
        Files.write(journal, entries);
        emulator.admin().clearRequests();

        CommandRun run = bulkUpdate("referral-status", file.toString());

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains(journal + ":2: not a journal entry; the journal is damaged"), run.output());
        assertEquals(List.of(), writes());
    }

    @Test
    void shouldRefuseABulkThresholdThatIsNotACount() throws IOException {
        Path file = write("threshold.csv", "Id,Status__c\nA,B\n");

        CommandRun run = bulkUpdate("Referral__c", file.toString(), "--key", "Id", "--bulk-threshold", "0");

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("--bulk-threshold must be a whole number of rows, 1 or more, got '0'"),
                run.output());
    }

    @Test
    void shouldReportTheRowsSalesforceRefusesWithItsErrorCodeAndExitOne() throws IOException {
        String good = referral("Good");
        String bad = referral("Bad");
        Path file = write("picklist.csv", "Id,Status__c\n" + good + ",Accepted\n" + bad + ",Maybe Later\n");

        CommandRun run = bulkUpdate("Referral__c", file.toString(), "--key", "Id");

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("done: 2 rows, 1 updated, 0 created, 1 failed, 0 skipped"), run.output());
        List<CSVRecord> lines = results(file.resolveSibling("picklist.csv.results.csv"));
        assertEquals(List.of("2", good, good, "updated", "", ""), lines.get(0).toList());
        assertEquals("failed", lines.get(1).get("outcome"));
        assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", lines.get(1).get("errorCode"));
        assertTrue(lines.get(1).get("message").contains("Maybe Later"), lines.get(1).toString());
        assertEquals("Accepted", referralsById().get(good).get("Status__c"));
        assertEquals("Pending", referralsById().get(bad).get("Status__c"));
    }

    @Test
    void shouldCheckOnlyOnADryRun() throws IOException {
        String id = referral("Dry");
        Path file = write("dry.csv", HEADER + id + ",Accepted,Conti,,\n");
        emulator.admin().clearRequests();

        CommandRun run = bulkUpdate("referral-status", file.toString(), "--dry-run");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("dry run: 1 row(s) checked, 1 would be sent (Referral__c updated by Id), "
                + "0 skipped; nothing sent"), run.output());
        assertEquals(List.of(), writes());
        assertEquals("Pending", referralsById().get(id).get("Status__c"));
        assertFalse(Files.exists(file.resolveSibling("dry.csv.results.csv")));
    }

    @Test
    void shouldSendTheValidRowsAndMarkTheOthersSkippedWhenToldTo() throws IOException {
        String id = referral("Valid");
        Path file = write("skip.csv", HEADER + id + ",Accepted,Conti,,\nnot-an-id,Accepted,Conti,,\n"
                + id + ",Unheard of,Conti,,\n");

        CommandRun run = bulkUpdate("referral-status", file.toString(), "--skip-invalid");

        assertEquals(1, run.exitCode(), run.output());
        List<CSVRecord> lines = results(file.resolveSibling("skip.csv.results.csv"));
        assertEquals(List.of("2", "3", "4"), lines.stream().map(line -> line.get("line")).toList());
        assertEquals(List.of("updated", "skipped", "skipped"), lines.stream().map(line -> line.get("outcome")).toList());
        assertEquals("salesforceRecordId: 'not-an-id' is not a Salesforce record id (15 or 18 letters and digits)",
                lines.get(1).get("message"));
        assertTrue(lines.get(2).get("message").startsWith("status: status 'Unheard of' is not a Case Xchange status"),
                lines.get(2).toString());
        assertEquals("Accepted", referralsById().get(id).get("Status__c"));
        assertTrue(run.output().contains("done: 3 rows, 1 updated, 0 created, 0 failed, 2 skipped"), run.output());
    }

    @Test
    void shouldWaitAtTheApiPauseShareSayingSoAndSendOnceTheAllowanceIsBack() throws Exception {
        String id = referral("Paused");
        Path file = write("paused.csv", HEADER + id + ",Accepted,Conti,,\n");
        emulator.admin().apiLimit(1000, 960);
        emulator.admin().clearRequests();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(environment());
        env.put("SWITCHBOARD_API_PAUSE_PROBE_MS", "100");

        CompletableFuture<CommandRun> run = CompletableFuture.supplyAsync(() -> CommandRun.run(
                Path.of("").toAbsolutePath(), env, output, "bulk-update", "referral-status", file.toString()));

        String waiting = "waiting: connection 'default' is paused: daily API usage ";
        Instant deadline = Instant.now().plusSeconds(20);
        while (!output.toString(StandardCharsets.UTF_8).contains(waiting) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        Thread.sleep(400);
        assertTrue(output.toString(StandardCharsets.UTF_8).contains(waiting), output.toString(StandardCharsets.UTF_8));
        assertFalse(run.isDone(), "the run waits rather than giving up: " + output);
        assertEquals(List.of(), writes(), "nothing is written while the allowance is past the share");
        assertTrue(emulator.admin().requests().stream().anyMatch(entry -> entry.path().endsWith("/limits")),
                "the connection checks the allowance again while it waits");
        emulator.admin().apiLimit(1000, 100);

        CommandRun done = run.get(30, TimeUnit.SECONDS);
        assertEquals(0, done.exitCode(), done.output());
        assertTrue(done.output().contains("the connection's API allowance is within its share again; sending on"),
                done.output());
        assertEquals("Accepted", referralsById().get(id).get("Status__c"));
        assertEquals(1, writes().size(), "one collection call once the allowance is back");
    }

    @Test
    void shouldRefuseAColumnTheObjectDoesNotHaveEvenWhenSkippingInvalidRows() throws IOException {
        String id = referral("Columns");
        Path file = write("columns.csv", "Id,Status__c,Colour__c\n" + id + ",Accepted,blue\n");
        emulator.admin().clearRequests();

        CommandRun run = bulkUpdate("Referral__c", file.toString(), "--key", "Id", "--skip-invalid");

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains(file + ":1: Colour__c: Referral__c has no such field"), run.output());
        assertEquals(List.of(), writes());
    }

    @Test
    void shouldNameARowOfTheWrongWidthAndAHugeCellOfAFileWithAByteOrderMarkAndSendNothing() throws IOException {
        String id = referral("Hostile");
        Path file = write("hostile.csv", "\uFEFF" + HEADER + id + ",Accepted,Conti,,\n" + id + ",Accepted,Conti,,,extra\n"
                + id + ",Accepted,\"" + "x".repeat(10 * 1024 * 1024) + "\",,\n");
        emulator.admin().clearRequests();

        CommandRun run = bulkUpdate("referral-status", file.toString());

        String output = run.output();
        assertEquals(2, run.exitCode(), output);
        assertTrue(output.contains(file + ":3: row: 6 cell(s) where the header has 5"), output);
        assertTrue(output.contains(file + ":4: receivingFirm: 10485760 characters; a cell holds at most 131072"), output);
        assertFalse(output.contains(":2: "), "the byte order mark is not part of the first column's name: " + output);
        assertEquals(List.of(), writes());
    }

    @Test
    void shouldRefuseARecordWrittenTwiceInOneFile() throws IOException {
        String id = referral("Twice");
        Path file = write("twice.csv", HEADER + id + ",Accepted,Conti,,\n" + id + ",Closed,Conti,,\n");
        emulator.admin().clearRequests();

        CommandRun run = bulkUpdate("referral-status", file.toString());

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains(file + ":3: salesforceRecordId: '" + id + "' is also the key of line 2; "
                + "a run writes each record once"), run.output());
        assertEquals(List.of(), writes());
    }

    @Test
    void shouldRefuseAnSObjectTargetWithoutAKey() throws IOException {
        Path file = write("nokey.csv", "Id,Status__c\nA,B\n");

        CommandRun run = bulkUpdate("Referral__c", file.toString());

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("an SOBJECT target needs --key Id or --key EXTERNAL_ID_FIELD"), run.output());
    }

    @Test
    void shouldRefuseAKeyThatIsNeitherIdNorAnExternalId() throws IOException {
        Path file = write("key.csv", "Name,Status__c\nA,Accepted\n");

        CommandRun run = bulkUpdate("Referral__c", file.toString(), "--key", "Name");

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("--key Name: Referral__c.Name is not an external-id field; use Id or one of "
                + "CX_Id__c"), run.output());
    }

    @Test
    void shouldRefuseAnUnreadableFileBeforeLoggingIn() throws IOException {
        Path file = write("broken.csv", HEADER + "a,\"unterminated\n");
        emulator.admin().clearRequests();

        CommandRun run = bulkUpdate("referral-status", file.toString());

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains(file + ":2: row: not readable as CSV"), run.output());
        assertEquals(List.of(), emulator.admin().requests());
    }
}
