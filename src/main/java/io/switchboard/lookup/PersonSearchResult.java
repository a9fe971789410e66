package io.switchboard.lookup;

import io.switchboard.mapping.Person;
import java.util.List;
import java.util.Optional;

/**
 * What a phone search found: every record whose phone really is the number, most recently modified first, and
 * the warnings an operator should see (several matches, a number too short to search).
 */
public record PersonSearchResult(List<Person> matches, List<String> warnings) {
    public PersonSearchResult {
        matches = List.copyOf(matches);
        warnings = List.copyOf(warnings);
    }

    /** The most recently modified match. */
    public Optional<Person> found() {
        return matches.stream().findFirst();
    }
}
