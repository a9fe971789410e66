package io.switchboard.emulator.bulk;

import java.util.Arrays;
import java.util.Optional;

/** The six column delimiters Bulk API 2.0 accepts for CSV job data. */
enum ColumnDelimiter {
    BACKQUOTE('`'),
    CARET('^'),
    COMMA(','),
    PIPE('|'),
    SEMICOLON(';'),
    TAB('\t');

    private final char character;

    ColumnDelimiter(char character) {
        this.character = character;
    }

    char character() {
        return character;
    }

    static Optional<ColumnDelimiter> of(String apiName) {
        return Arrays.stream(values()).filter(delimiter -> delimiter.name().equals(apiName)).findFirst();
    }
}
