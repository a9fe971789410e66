package io.switchboard.emulator.query;

import java.util.Optional;
import java.util.regex.Pattern;

/** SOQL string literals: checking and decoding their backslash escapes, and turning LIKE patterns into regexes. */
final class StringLiterals {
    private static final String SIMPLE_ESCAPES = "nNrRtTbBfF\"'\\%_";

    private StringLiterals() {
    }

    /** The first escape sequence Salesforce would not accept, such as {@code \-}, if there is one. */
    static Optional<String> illegalEscape(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) != '\\') {
                continue;
            }
            int length = escapeLength(raw, i);
            if (length == 0) {
                return Optional.of(raw.substring(i, Math.min(i + 2, raw.length())));
            }
            i += length - 1;
        }
        return Optional.empty();
    }

    /** The value a literal stands for; {@code raw} has already passed {@link #illegalEscape}. */
    static String decode(String raw) {
        StringBuilder value = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            value.append(escaped(raw, i));
            i += escapeLength(raw, i) - 1;
        }
        return value.toString();
    }

    /** A case-insensitive regex for a LIKE pattern: {@code %} any run, {@code _} one character, escaped ones literal. */
    static Pattern likeRegex(String raw) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else if (c == '\\') {
                regex.append(Pattern.quote(String.valueOf(escaped(raw, i))));
                i += escapeLength(raw, i) - 1;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** Length of the escape sequence starting at the backslash at {@code i}, or 0 when it is not a legal one. */
    private static int escapeLength(String raw, int i) {
        if (i + 1 >= raw.length()) {
            return 0;
        }
        char next = raw.charAt(i + 1);
        if (SIMPLE_ESCAPES.indexOf(next) >= 0) {
            return 2;
        }
        if (next == 'u' && i + 6 <= raw.length() && raw.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
            return 6;
        }
        return 0;
    }

    private static char escaped(String raw, int i) {
        char next = raw.charAt(i + 1);
        return switch (next) {
            case 'n', 'N' -> '\n';
            case 'r', 'R' -> '\r';
            case 't', 'T' -> '\t';
            case 'b', 'B' -> '\b';
            case 'f', 'F' -> '\f';
            case 'u' -> (char) Integer.parseInt(raw.substring(i + 2, i + 6), 16);
            default -> next;
        };
    }
}
