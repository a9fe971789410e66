package io.switchboard.bulk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One bulk update once its rows are checked: refuses a file with problems (unless told to skip the rows), sends the
 * rest, writes the results file with a line per input row and prints the summary.
 */
public final class BulkUpdate {
    /** How the run ended, for the command's exit code. */
    public enum Verdict {
        /** Every row was written (or, for a dry run, would be sent). */
        ALL_SUCCEEDED,
        /** Some rows failed or were skipped. */
        SOME_NOT_APPLIED,
        /** The file or its rows have problems; nothing was sent. */
        INPUT_REFUSED
    }

    /**
     * @param results where the results file goes
     */
    public record Options(boolean dryRun, boolean skipInvalid, Path results) {
    }

    private final Consumer<String> out;
    private final Consumer<String> err;

    public BulkUpdate(Consumer<String> out, Consumer<String> err) {
        this.out = out;
        this.err = err;
    }

    public Verdict run(BulkPlan plan, BulkTarget target, Options options, CollectionsWriter writer) throws IOException {
        plan.problems().forEach(problem -> err.accept(problem.toString()));
        Path file = plan.input().file();
        int total = plan.input().rows().size();
        if (!plan.columnProblems().isEmpty() || !plan.rowProblems().isEmpty() && !options.skipInvalid()) {
            err.accept(file + ": " + plan.problems().size() + " problem(s) in " + total + " row(s); nothing sent"
                    + (plan.columnProblems().isEmpty() ? " (--skip-invalid sends the valid rows)" : ""));
            return Verdict.INPUT_REFUSED;
        }
        Map<Integer, String> skipped = plan.skipped();
        String what = target.sobject() + target.externalIdField().map(field -> " upserted by " + field)
                .orElse(" updated by Id");
        if (options.dryRun()) {
            out.accept(String.format("dry run: %d row(s) checked, %d would be sent (%s), %d skipped; nothing sent",
                    total, plan.rows().size(), what, skipped.size()));
            return skipped.isEmpty() ? Verdict.ALL_SUCCEEDED : Verdict.SOME_NOT_APPLIED;
        }
        out.accept(String.format("sending %d row(s) of %s: %s, %d a call", plan.rows().size(), file, what,
                CollectionsWriter.RECORDS_PER_CALL));
        Progress progress = new Progress(out, System::nanoTime, plan.rows().size());
        List<RowResult> results = new ArrayList<>(writer.send(target, plan.rows(), progress));
        skipped.forEach((line, problem) -> results.add(RowResult.skipped(line, key(plan, target, line), problem)));
        results.sort(Comparator.comparingInt(RowResult::line));
        ResultsFile.write(options.results(), results);
        int updated = count(results, Outcome.UPDATED);
        int created = count(results, Outcome.CREATED);
        int failed = count(results, Outcome.FAILED);
        out.accept(progress.summary(updated, created, failed, skipped.size()));
        out.accept("results in " + options.results());
        return failed + skipped.size() == 0 ? Verdict.ALL_SUCCEEDED : Verdict.SOME_NOT_APPLIED;
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
