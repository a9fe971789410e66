package io.switchboard.bulk;

/** Where a row's checks report what is wrong with one of its cells. */
@FunctionalInterface
public interface CellProblems {
    void add(String column, String message);
}
