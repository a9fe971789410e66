package io.switchboard.bulk;

import java.util.regex.Pattern;

/** The shape of a Salesforce record id, checked before a row is sent rather than refused for each row by the org. */
final class RecordIds {
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?");

    private RecordIds() {
    }

    static boolean looksLikeOne(String value) {
        return ID.matcher(value).matches();
    }
}
