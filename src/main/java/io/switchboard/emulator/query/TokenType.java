package io.switchboard.emulator.query;

/** Kinds of lexical tokens in SOQL and in the clauses of SOSL that follow the search term. */
enum TokenType {
    IDENTIFIER, STRING, NUMBER, DATE, DATETIME, COMMA, LPAREN, RPAREN, COLON, OPERATOR, EOF
}
