package io.switchboard.emulator.composite;

/** A {@code @{...}} reference that names no earlier answer or no value in it; its subrequest cannot run. */
final class UnresolvedReference extends RuntimeException {
    UnresolvedReference(String expression, String referenceId) {
        super(CompositeErrors.unresolvedReference(expression, referenceId));
    }
}
