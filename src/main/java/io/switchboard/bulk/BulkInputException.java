package io.switchboard.bulk;

import java.util.List;

/** The input file cannot be read as rows at all (empty, unparseable, duplicate columns): nothing is sent. */
public final class BulkInputException extends RuntimeException {
    private final List<RowProblem> problems;

    public BulkInputException(List<RowProblem> problems) {
        super(problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public BulkInputException(RowProblem problem) {
        this(List.of(problem));
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
