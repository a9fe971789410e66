package io.switchboard.emulator.query;

/** The right-hand side of a field expression, already checked against the field's type. */
sealed interface Operand {

    /** A single value in the field's normalized form, or null for the literal {@code null}. */
    record Value(Comparable<?> value) implements Operand {
    }

    /** A date literal such as THIS_WEEK: every value from {@code start} up to but not including {@code end}. */
    record Range(Comparable<?> start, Comparable<?> end) implements Operand {
    }
}
