package io.switchboard.bulk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every row of the file checked against its target before anything is sent: the rows to send and the problems of
 * the others, in file order. A column problem is the whole file's, so {@link #columnProblems()} refuses it even
 * with {@code --skip-invalid}.
 */
public record BulkPlan(InputFile input, List<RowProblem> columnProblems, List<PreparedRow> rows,
                       List<RowProblem> rowProblems) {
    public BulkPlan {
        columnProblems = List.copyOf(columnProblems);
        rows = List.copyOf(rows);
        rowProblems = List.copyOf(rowProblems);
    }

    public static BulkPlan check(InputFile input, BulkTarget target) {
        List<RowProblem> columnProblems = new ArrayList<>();
        target.checkColumns(input.columns(),
                (column, message) -> columnProblems.add(new RowProblem(input.file(), 1, column, message)));
        List<RowProblem> rowProblems = new ArrayList<>(input.problems());
        Set<Integer> unreadable = new HashSet<>();
        input.problems().forEach(problem -> unreadable.add(problem.line()));
        List<PreparedRow> rows = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        for (InputRow row : input.rows()) {
            if (unreadable.contains(row.line())) {
                continue;
            }
            Optional<PreparedRow> prepared = target.prepare(row,
                    (column, message) -> rowProblems.add(new RowProblem(input.file(), row.line(), column, message)));
            if (prepared.isEmpty()) {
                continue;
            }
            // two writes of one record in a run would land in an order no one chose
            Integer first = keys.putIfAbsent(prepared.get().key(), row.line());
            if (first != null) {
                rowProblems.add(new RowProblem(input.file(), row.line(), target.keyColumn(), "'" + prepared.get().key()
                        + "' is also the key of line " + first + "; a run writes each record once"));
            } else {
                rows.add(prepared.get());
            }
        }
        rowProblems.sort(Comparator.comparingInt(RowProblem::line));
        return new BulkPlan(input, columnProblems, rows, rowProblems);
    }

    /** Whether every row may be sent as it is. */
    public boolean clean() {
        return columnProblems.isEmpty() && rowProblems.isEmpty();
    }

    /** All problems, those of the columns first. */
    public List<RowProblem> problems() {
        List<RowProblem> all = new ArrayList<>(columnProblems);
        all.addAll(rowProblems);
        return all;
    }

    /** The problems of each row left out, by line, joined when a row has several, for the results file. */
    public Map<Integer, String> skipped() {
        Map<Integer, String> skipped = new TreeMap<>();
        for (RowProblem problem : rowProblems) {
            skipped.merge(problem.line(), problem.column() + ": " + problem.message(), (a, b) -> a + "; " + b);
        }
        return skipped;
    }
}
