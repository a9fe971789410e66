package io.switchboard.mapping;

import java.util.List;

/** The Contact a conversation belongs to, whether it was just created, and warnings for the operator. */
public record ContactOutcome(Person contact, boolean created, List<String> warnings) {
    public ContactOutcome {
        warnings = List.copyOf(warnings);
    }
}
