package io.switchboard.emulator.bulk;

import java.util.List;

/**
 * What processing did with one row of job data.
 *
 * @param values the row's values as uploaded, which the results repeat
 * @param id the record written, or for a failed row the id it named (empty when it named none)
 * @param error {@code sf__Error}, null when the row succeeded
 */
record RowOutcome(List<String> values, String id, boolean created, String error) {
    RowOutcome {
        values = List.copyOf(values);
    }

    static RowOutcome succeeded(List<String> values, String id, boolean created) {
        return new RowOutcome(values, id, created, null);
    }

    static RowOutcome failed(List<String> values, String id, String error) {
        return new RowOutcome(values, id, false, error);
    }

    boolean success() {
        return error == null;
    }
}
