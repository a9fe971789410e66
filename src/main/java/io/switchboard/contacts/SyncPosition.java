package io.switchboard.contacts;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the sync got to: the SystemModstamp and Id of the last change queued. Many Contacts can share a stamp (a
 * bulk load), so the Id breaks ties and the next read starts after both. Kept as the watermark text
 * {@code 2026-11-20T10:00:00Z|003...}.
 */
record SyncPosition(Instant stamp, String id) {
    static final String WATERMARK = "contact-sync";

    static Optional<SyncPosition> parse(String watermark) {
        int bar = watermark.indexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        return Optional.of(new SyncPosition(Instant.parse(watermark.substring(0, bar)), watermark.substring(bar + 1)));
    }

    String watermark() {
        return stamp + "|" + id;
    }
}
