package io.switchboard.lookup;

/**
 * Makes any text a literal SOSL search term: every reserved character ({@code ? & | ! { } [ ] ( ) ^ ~ * : " ' + -}
 * and the backslash) is escaped, so an event value can neither widen a search nor end its braces.
 */
public final class SoslEscaping {
    private static final String RESERVED = "?&|!{}[]()^~*:\"'+-\\";

    private SoslEscaping() {
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (RESERVED.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /**
     * The FIND clause's braces around the escaped term as one phrase, so that words such as {@code OR} or
     * {@code NOT} inside it are searched for rather than read as operators.
     */
    public static String findTerm(String text) {
        return "{\"" + escape(text) + "\"}";
    }
}
