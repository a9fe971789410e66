package io.switchboard.store;

/**
 * The store's answer to an event handed to it: stored now, a duplicate of the event already stored under its key
 * (same body), or refused because its key was used before for a different body. The id is the stored event's; none
 * when the key was reused.
 */
public record Acceptance(String eventId, Outcome outcome) {
    public enum Outcome { ACCEPTED, DUPLICATE, KEY_REUSED }

    static Acceptance accepted(String eventId) {
        return new Acceptance(eventId, Outcome.ACCEPTED);
    }

    public boolean duplicate() {
        return outcome == Outcome.DUPLICATE;
    }

    public boolean keyReused() {
        return outcome == Outcome.KEY_REUSED;
    }
}
