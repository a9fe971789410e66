package io.switchboard.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One bulk update once its rows are checked: refuses a file with problems (unless told to skip the rows), settles
 * what an earlier run of the same file left (its open Bulk API job, its rows in doubt), sends the rows not yet
 * written (through sObject collections, or one Bulk API job from the threshold up), writes the results file with a
 * line per input row and prints the summary.
 */
public final class BulkUpdate {
    /** How the run ended, for the command's exit code. */
    public enum Verdict {
        /** Every row was written (or, for a dry run, would be sent). */
        ALL_SUCCEEDED,
        /** Some rows failed or were skipped. */
        SOME_NOT_APPLIED,
        /** The file or its rows have problems, or the journal beside the results is another file's; nothing was sent. */
        INPUT_REFUSED
    }

    /**
     * @param results where the results file goes; its journal goes beside it
     * @param bulkThreshold rows to send from which one Bulk API job carries them instead of sObject collections
     */
    public record Options(boolean dryRun, boolean skipInvalid, Path results, int bulkThreshold) {
    }

    /** How the run draws its progress: a live bar on a terminal, lines elsewhere. */
    @FunctionalInterface
    public interface ProgressView {
        Progress start(int total);

        static ProgressView lines(Consumer<String> printLine, LongSupplier nanoClock) {
            return total -> Progress.lines(printLine, nanoClock, total);
        }

        static ProgressView bar(Consumer<String> print, LongSupplier nanoClock) {
            return total -> Progress.bar(print, nanoClock, total);
        }
    }

    private final Consumer<String> out;
    private final Consumer<String> err;
    private final ProgressView view;

    public BulkUpdate(Consumer<String> out, Consumer<String> err, ProgressView view) {
        this.out = out;
        this.err = err;
        this.view = view;
    }

    public Verdict run(BulkPlan plan, BulkTarget target, Options options, Writers writers) throws IOException {
        plan.problems().forEach(problem -> err.accept(problem.toString()));
        Path file = plan.input().file();
        int total = plan.input().rows().size();
        if (!plan.columnProblems().isEmpty() || !plan.rowProblems().isEmpty() && !options.skipInvalid()) {
            err.accept(file + ": " + plan.problems().size() + " problem(s) in " + total + " row(s); nothing sent"
                    + (plan.columnProblems().isEmpty() ? " (--skip-invalid sends the valid rows)" : ""));
            return Verdict.INPUT_REFUSED;
        }
        Map<Integer, String> skipped = plan.skipped();
        String what = describe(target);
        if (options.dryRun()) {
            out.accept(String.format("dry run: %d row(s) checked, %d would be sent (%s), %d skipped; nothing sent",
                    total, plan.rows().size(), what, skipped.size()));
            return skipped.isEmpty() ? Verdict.ALL_SUCCEEDED : Verdict.SOME_NOT_APPLIED;
        }
        RunJournal.Identity identity = new RunJournal.Identity(sha256(file), what);
        RunJournal journal;
        try {
            journal = RunJournal.open(RunJournal.besides(options.results()), identity);
        } catch (RunJournal.MismatchException e) {
            err.accept(e.getMessage() + "; nothing sent");
            return Verdict.INPUT_REFUSED;
        }
        try (journal) {
            return send(plan, target, options, writers, journal, skipped, what);
        }
    }

    private Verdict send(BulkPlan plan, BulkTarget target, Options options, Writers writers, RunJournal journal,
                         Map<Integer, String> skipped, String what) throws IOException {
        Map<Integer, PreparedRow> byLine = new LinkedHashMap<>();
        plan.rows().forEach(row -> byLine.put(row.line(), row));
        Progress settling = view.start(journal.openJobs().stream().mapToInt(job -> job.lines().size()).sum());
        Set<Integer> inDoubt = new TreeSet<>(journal.inDoubt());
        for (RunJournal.OpenJob job : journal.openJobs()) {
            BulkJobWriter.Recovered recovered = writers.jobs().recover(job, byLine, target, settling, journal);
            out.accept(recovered.report());
            inDoubt.addAll(recovered.inDoubt());
        }
        settling.finish();
        Map<Integer, RowResult> recorded = journal.results();
        List<PreparedRow> doubtful = inDoubt.stream().map(byLine::get).filter(row -> row != null
                && !(recorded.containsKey(row.line()) && recorded.get(row.line()).outcome().written()))
                .toList();
        if (!doubtful.isEmpty()) {
            List<RowResult> confirmed = writers.readBack().written(target, doubtful);
            journal.recorded(confirmed);
            out.accept(doubtful.size() + " row(s) sent by the earlier run without an answer, read back: "
                    + confirmed.size() + " written then, " + (doubtful.size() - confirmed.size()) + " to send again");
        }
        Map<Integer, RowResult> earlier = journal.results();
        List<PreparedRow> toSend = plan.rows().stream()
                .filter(row -> !earlier.containsKey(row.line()) || !earlier.get(row.line()).outcome().written())
                .toList();
        int resumed = plan.rows().size() - toSend.size();
        if (resumed > 0) {
            out.accept("resuming from " + journal.file() + ": " + resumed + " row(s) written by an earlier run are not "
                    + "sent again");
        }
        boolean asJob = toSend.size() >= options.bulkThreshold();
        Progress progress = view.start(toSend.size());
        List<RowResult> sent = List.of();
        if (!toSend.isEmpty()) {
            out.accept(String.format("sending %d row(s) of %s: %s, %s", toSend.size(), plan.input().file(), what,
                    asJob ? "one Bulk API 2.0 job" : CollectionsWriter.RECORDS_PER_CALL + " a call"));
            sent = asJob ? writers.jobs().send(target, toSend, progress, journal)
                    : writers.collections().send(target, toSend, progress, journal);
            progress.finish();
        }
        Map<Integer, RowResult> byRow = new LinkedHashMap<>();
        plan.rows().forEach(row -> {
            RowResult before = earlier.get(row.line());
            if (before != null && before.outcome().written()) {
                byRow.put(row.line(), before);
            }
        });
        sent.forEach(result -> byRow.put(result.line(), result));
        List<RowResult> results = new ArrayList<>(byRow.values());
        skipped.forEach((line, problem) -> results.add(RowResult.skipped(line, key(plan, target, line), problem)));
        results.sort(Comparator.comparingInt(RowResult::line));
        ResultsFile.write(options.results(), results);
        int updated = count(results, Outcome.UPDATED);
        int created = count(results, Outcome.CREATED);
        int failed = count(results, Outcome.FAILED);
        out.accept(progress.summary(updated, created, failed, skipped.size())
                + (resumed > 0 ? ", " + resumed + " of them resumed from an earlier run" : ""));
        out.accept("results in " + options.results());
        return failed + skipped.size() == 0 ? Verdict.ALL_SUCCEEDED : Verdict.SOME_NOT_APPLIED;
    }

    /** The journal that keeps what a run with these results wrote, beside them. */
    public static Path journalOf(Path results) {
        return RunJournal.besides(results);
    }

    private static String describe(BulkTarget target) {
        return target.sobject() + target.externalIdField().map(field -> " upserted by " + field).orElse(" updated by Id");
    }

    /** The input's content, so a journal is only ever resumed by the very file it was written for. */
    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A skipped row's key, as far as it has one. */
    private static String key(BulkPlan plan, BulkTarget target, int line) {
        return plan.input().rows().stream().filter(row -> row.line() == line).findFirst()
                .map(row -> row.value(target.keyColumn())).orElse("");
    }

    private static int count(List<RowResult> results, Outcome outcome) {
        return (int) results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
