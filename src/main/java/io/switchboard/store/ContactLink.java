package io.switchboard.store;

import java.time.Instant;
import java.util.Locale;

/** One Salesforce Contact linked to one source contact, and how the link came about. */
public record ContactLink(String source, String contactId, String salesforceId, How how, Instant linkedAt) {
    /** matched by phone or email, created for the source contact, or linked by hand through the API. */
    public enum How {
        MATCHED, CREATED, MANUAL;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        static How of(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }
}
