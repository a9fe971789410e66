package io.switchboard.bulk;

import java.util.Locale;

/** What became of one row, as the results file spells it. */
public enum Outcome {
    UPDATED, CREATED, FAILED, SKIPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
