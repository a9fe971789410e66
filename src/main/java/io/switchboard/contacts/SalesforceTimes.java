package io.switchboard.contacts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Salesforce's datetime values ({@code 2026-11-20T10:00:00.000+0000}) in and out of SOQL and answers. */
final class SalesforceTimes {
    private static final DateTimeFormatter ANSWER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT);

    private SalesforceTimes() {
    }

    /** The instant of a datetime in an answer; null for none or one in another form. */
    static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, ANSWER).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
