package io.switchboard.store;

/** The store's answer to an accepted event: its id, and whether an event with the same key was already there. */
public record Acceptance(String eventId, boolean duplicate) {
}
