package io.switchboard.intake;

import java.util.List;

/** A stored event read again for its route: its record, and the warnings intake gave it. */
public record StoredEventRead(Record event, List<String> warnings) {
    public StoredEventRead {
        warnings = List.copyOf(warnings);
    }
}
