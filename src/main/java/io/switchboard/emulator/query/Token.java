package io.switchboard.emulator.query;

import java.util.Locale;

/**
 * One lexical token.
 *
 * @param text the source text; for strings, what stands between the quotes with its escapes still in place
 * @param position offset of the token's first character in the whole query text
 */
record Token(TokenType type, String text, int position) {

    boolean is(TokenType expected) {
        return type == expected;
    }

    /** Whether this is the keyword (or operator) {@code word}, in any letter case as SOQL allows. */
    boolean isWord(String word) {
        return (type == TokenType.IDENTIFIER || type == TokenType.OPERATOR) && text.equalsIgnoreCase(word);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** The token as Salesforce quotes it in "unexpected token" messages. */
    String display() {
        return type == TokenType.EOF ? "<EOF>" : "'" + (type == TokenType.STRING ? "'" + text + "'" : text) + "'";
    }
}
