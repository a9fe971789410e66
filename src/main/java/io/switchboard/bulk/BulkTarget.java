package io.switchboard.bulk;

import java.util.List;
import java.util.Optional;

/** What a bulk update writes: one object, by record id or by an external id, from rows it checks and maps. */
public interface BulkTarget {
    String sobject();

    /** The external-id field records are upserted by; empty when they are updated by record id. */
    Optional<String> externalIdField();

    /** The column holding each row's key, as the results file names the row. */
    String keyColumn();

    /** Checks the file's columns as a whole: one the object does not have, a required one missing. */
    void checkColumns(List<String> columns, CellProblems problems);

    /**
     * Checks one row and maps it to its record.
     *
     * @param problems receives each problem as a column and a message
     * @return the row to send, or empty when it has a problem
     */
    Optional<PreparedRow> prepare(InputRow row, CellProblems problems);
}
