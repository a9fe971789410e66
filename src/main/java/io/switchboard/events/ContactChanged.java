package io.switchboard.events;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A contact was created, changed or deleted on the source platform (CINNOX); linked to, created in or written to
 * Salesforce Contacts as {@code config/contact-sync.yaml} maps it.
 */
public record ContactChanged(String source, String contactId, Change change, Instant changedAt, SourceContact contact) {
    /** What happened to the contact on the source platform. */
    public enum Change {
        CREATED, UPDATED, DELETED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** As events write it, so that a route compares {@code change} with {@code 'deleted'}. */
        @Override
        public String toString() {
            return wireName();
        }
    }

    /** The contact as the source platform holds it; absent on a deletion. */
    public record SourceContact(String firstName, String lastName, List<String> phones, List<String> emails,
                                String company, Map<String, String> fields) {
        public SourceContact {
            phones = List.copyOf(phones);
            emails = List.copyOf(emails);
            fields = Map.copyOf(fields);
        }

        public static SourceContact empty() {
            return new SourceContact(null, null, List.of(), List.of(), null, Map.of());
        }
    }
}
