package io.switchboard.emulator.records;

import java.util.Locale;
import java.util.regex.Pattern;

/** Salesforce record ids: 15 case-sensitive characters plus the 3-character case-safe checksum of the 18-char form. */
public final class Ids {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String CHECKSUM_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]+");
    /** Pod and reserved characters of the emulated instance, between the key prefix and the sequence number. */
    private static final String INSTANCE = "8d0";
    private static final int SEQUENCE_LENGTH = 9;

    private Ids() {
    }

    /** The 18-character id for a key prefix and a sequence number, deterministic so seeded ids can be constants. */
    public static String of(String keyPrefix, long sequence) {
        StringBuilder digits = new StringBuilder();
        for (long rest = sequence; rest > 0; rest /= BASE62.length()) {
            digits.insert(0, BASE62.charAt((int) (rest % BASE62.length())));
        }
        String padded = "0".repeat(SEQUENCE_LENGTH - digits.length()) + digits;
        return to18(keyPrefix + INSTANCE + padded);
    }

    /** Appends Salesforce's checksum: one character per 5-character block, encoding which of its letters are upper case. */
    public static String to18(String id15) {
        StringBuilder id = new StringBuilder(id15);
        for (int block = 0; block < 3; block++) {
            int flags = 0;
            for (int position = 0; position < 5; position++) {
                char c = id15.charAt(block * 5 + position);
                if (c >= 'A' && c <= 'Z') {
                    flags |= 1 << position;
                }
            }
            id.append(CHECKSUM_CHARS.charAt(flags));
        }
        return id.toString();
    }

    /** A well-formed 15 or 18 character id whose checksum, when present, matches. */
    public static boolean isValid(String value) {
        if (value == null || !(value.length() == 15 || value.length() == 18) || !ALPHANUMERIC.matcher(value).matches()) {
            return false;
        }
        return value.length() == 15 || to18(value.substring(0, 15)).substring(15)
                .equals(value.substring(15).toUpperCase(Locale.ROOT));
    }

    /** The 18-character form of a valid id, the one the store keys records by. */
    public static String canonical(String validId) {
        return to18(validId.substring(0, 15));
    }
}
