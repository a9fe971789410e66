package io.switchboard.store;

import java.util.Optional;

/** What asking for a link ended in; {@code existing} is the link the Contact already had, if any. */
public record LinkResult(Outcome outcome, Optional<ContactLink> existing) {
    /** The source contact may hold this many Salesforce Contacts. */
    public static final int MAX_LINKS = 10;

    public enum Outcome {
        /** A new link. */
        LINKED,
        /** The Contact was linked to this source contact already; nothing changed. */
        ALREADY_LINKED,
        /** The Contact is linked to another source contact; nothing changed. */
        LINKED_ELSEWHERE,
        /** The source contact holds {@link #MAX_LINKS} Contacts already; nothing changed. */
        LIMIT_REACHED
    }

    static LinkResult of(Outcome outcome) {
        return new LinkResult(outcome, Optional.empty());
    }
}
