package io.switchboard.bulk;

import java.util.Locale;

/** What became of one row, as the results file spells it. */
public enum Outcome {
    UPDATED, CREATED, FAILED, SKIPPED;

    /** Whether the row's record holds what it wrote. */
    public boolean written() {
        return this == UPDATED || this == CREATED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
