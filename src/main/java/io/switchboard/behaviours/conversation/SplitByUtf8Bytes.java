package io.switchboard.behaviours.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into pieces of at most a number of UTF-8 bytes, as Salesforce counts a CaseComment's length, never
 * inside a character; a piece ends after the last whitespace near its end when there is one, so words stay whole.
 * The pieces joined give back the text exactly.
 */
final class SplitByUtf8Bytes {
    /** How far back from a piece's end a whitespace is looked for, in characters. */
    private static final int WORD_BREAK_WINDOW = 200;

    private SplitByUtf8Bytes() {
    }

    static List<String> split(String text, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = endOfPiece(text, start, maxBytes);
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces.isEmpty() ? List.of("") : pieces;
    }

    private static int endOfPiece(String text, int start, int maxBytes) {
        int bytes = 0;
        int end = start;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(codePoint);
            if (bytes + size > maxBytes) {
                return afterLastWhitespace(text, start, end);
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return end;
    }

    private static int afterLastWhitespace(String text, int start, int end) {
        for (int i = end - 1; i > start && i >= end - WORD_BREAK_WINDOW; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return end;
    }

    static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
