package io.switchboard.emulator.api;

import java.util.function.Supplier;

/**
 * All-or-none units of work on the emulated org's data. Every write made inside {@code work} is undone
 * when {@code work} throws, and the exception is rethrown. Nested calls join the outer unit.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /** Undo every write of the current unit without ending it (a composite request whose allOrNone part failed). */
    void rollbackCurrent();
}
