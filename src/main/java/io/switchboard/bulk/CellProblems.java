package io.switchboard.bulk;

/** Where the checks of a row, or of the columns, report what is wrong with one column. */
@FunctionalInterface
public interface CellProblems {
    void add(String column, String message);
}
