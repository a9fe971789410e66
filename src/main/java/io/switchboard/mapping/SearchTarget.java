package io.switchboard.mapping;

import java.util.List;

/** One object to search a person on, and the phone fields whose values must hold the number. */
public record SearchTarget(String sobject, List<String> phoneFields) {
    public SearchTarget {
        phoneFields = List.copyOf(phoneFields);
    }
}
