package io.switchboard.cli;

import io.switchboard.bulk.BulkRun;
import io.switchboard.bulk.BulkUpdate;
import io.switchboard.bulk.ReferralStatusTarget;
import io.switchboard.bulk.ResultsFile;
import io.switchboard.config.ConnectionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Updates historical records from a CSV or JSON-lines file, every row checked first, one results line per row. */
final class BulkUpdateCommand implements Command {
    @Override
    public String name() {
        return "bulk-update";
    }

    @Override
    public String summary() {
        return "update or upsert records from a CSV or JSON-lines file, every row checked first";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar target/switchboard.jar bulk-update TARGET FILE [--connection NAME] [--key FIELD]
                                                        [--dry-run] [--skip-invalid] [--results OUT.csv]
                                                        [--bulk-threshold N]

                TARGET  referral-status: rows of referral status changes (salesforceRecordId, status, receivingFirm,
                        optional cxId, referenceNumber), mapped by config/referral-status-changed.yaml exactly as
                        the referral-status-changed route maps an event, status map included.
                        SOBJECT with --key FIELD: the columns given written to that object, by record id
                        (--key Id) or upserted by an external-id field (--key CX_Id__c).
                FILE    .csv (RFC 4180, a header row, UTF-8 with or without BOM) or .jsonl / .ndjson (one JSON
                        object per line). An empty cell leaves its field as it is.

                  --connection NAME  the Salesforce connection to write to (default: 'default')
                  --key FIELD        for an SOBJECT target: Id, or the external-id field to upsert by
                  --dry-run          check every row against the object's describe; send nothing
                  --skip-invalid     send the valid rows and mark the others skipped in the results file
                  --results OUT.csv  the results file (default: FILE.results.csv beside FILE); its journal,
                                     OUT.csv.journal, goes beside it
                  --bulk-threshold N from N rows to send up, one Bulk API 2.0 ingest job carries them instead of
                                     sObject collections (default 2000)

                Every row is checked before anything is sent; problems are printed as FILE:LINE: column: message
                and, without --skip-invalid, nothing is sent. Rows go 200 a call through sObject collections, or
                in one Bulk API 2.0 job from --bulk-threshold rows up, and wait while the connection's API
                allowance is past SWITCHBOARD_API_PAUSE_SHARE. Run again with the same FILE after a crash or
                Ctrl-C: the journal says which rows were written, and only the others are sent (an open Bulk API
                job of the stopped run is awaited, or aborted if it was never closed, not opened again).
                Results: line,key,salesforceId,outcome,errorCode,message with outcome updated, created, failed or
                skipped. Exits 0 when every row succeeded, 1 when some failed or were skipped, 2 for a bad
                invocation or input (nothing sent).
                """;
    }

    /** Rows to send from which one Bulk API job carries them: below it, ten collection calls or fewer. */
    static final int DEFAULT_BULK_THRESHOLD = 2000;

    @Override
    public int run(List<String> args, Console console) throws Exception {
        BulkRun.Request request = parse(args, console.home());
        Logging.quiet();
        Path journal = BulkUpdate.journalOf(request.results());
        // written rows are journaled as they go; a Ctrl-C only needs to say how to go on
        Thread interrupted = new Thread(() -> console.err().println(System.lineSeparator() + "stopped: what was "
                + "written is in " + journal + "; run the same command again to send the rest"));
        Runtime.getRuntime().addShutdownHook(interrupted);
        BulkUpdate.Verdict verdict;
        try {
            verdict = BulkRun.run(request, console.configDir(), console.environment(),
                    new BulkRun.Terminal(console.out(), console.err(), System.console() != null));
        } catch (BulkRun.RefusedRequest e) {
            throw new UsageException(e.getMessage());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the JVM is being stopped
            }
        }
        return switch (verdict) {
            case ALL_SUCCEEDED -> OK;
            case SOME_NOT_APPLIED -> NOT_OK;
            case INPUT_REFUSED -> USAGE;
        };
    }

    private static BulkRun.Request parse(List<String> args, Path home) {
        List<String> positional = new ArrayList<>();
        String connection = ConnectionOptions.DEFAULT;
        String key = null;
        String results = null;
        boolean dryRun = false;
        boolean skipInvalid = false;
        int bulkThreshold = DEFAULT_BULK_THRESHOLD;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--connection" -> connection = value(args, ++i, arg);
                case "--key" -> key = value(args, ++i, arg);
                case "--results" -> results = value(args, ++i, arg);
                case "--bulk-threshold" -> bulkThreshold = count(value(args, ++i, arg), arg);
                case "--dry-run" -> dryRun = true;
                case "--skip-invalid" -> skipInvalid = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'");
                    }
                    positional.add(arg);
                }
            }
        }
        if (positional.size() != 2) {
            throw new UsageException("expects TARGET and FILE");
        }
        String target = positional.get(0);
        if (target.equals(ReferralStatusTarget.NAME) && key != null) {
            throw new UsageException("--key is for an SOBJECT target; referral-status rows are keyed by salesforceRecordId");
        }
        if (!target.equals(ReferralStatusTarget.NAME) && key == null) {
            throw new UsageException("an SOBJECT target needs --key Id or --key EXTERNAL_ID_FIELD");
        }
        Path file = home.resolve(positional.get(1));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no file " + file);
        }
        Path out = results != null ? home.resolve(results) : ResultsFile.besides(file);
        return new BulkRun.Request(target, file, connection, key, dryRun, skipInvalid, out, bulkThreshold);
    }

    private static int count(String value, String option) {
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with what it takes
        }
        throw new UsageException(option + " must be a whole number of rows, 1 or more, got '" + value + "'");
    }

    private static String value(List<String> args, int at, String option) {
        if (at >= args.size() || args.get(at).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(at);
    }
}
