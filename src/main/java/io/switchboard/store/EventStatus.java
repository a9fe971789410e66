package io.switchboard.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where an event's processing stands; the lower-case name is what the store keeps and the API shows. */
public enum EventStatus {
    PENDING, PROCESSING, DONE, FAILED, SKIPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(status -> status.label().equals(label)).findFirst();
    }

    /** "pending, processing, done, failed, skipped", for messages that name the allowed values. */
    public static String labels() {
        return Arrays.stream(values()).map(EventStatus::label).collect(Collectors.joining(", "));
    }

    static EventStatus fromColumn(String value) {
        return fromLabel(value).orElseThrow(() -> new StoreException("unknown event status in the store: " + value));
    }
}
