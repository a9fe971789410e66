package io.switchboard.lookup;

/**
 * Makes any text safe inside a SOQL string literal, so that no event value can change a query's meaning.
 * Every query built from event data goes through {@link #quote}.
 */
public final class SoqlEscaping {
    private SoqlEscaping() {
    }

    /** The text as a complete SOQL literal, quotes included: {@code O'Brien} becomes {@code 'O\'Brien'}. */
    public static String quote(String text) {
        return "'" + escape(text) + "'";
    }

    /** Backslash first, so the escapes added for the other characters are not escaped again. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\'' -> escaped.append("\\'");
                case '"' -> escaped.append("\\\"");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\b' -> escaped.append("\\b");
                case '\f' -> escaped.append("\\f");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
