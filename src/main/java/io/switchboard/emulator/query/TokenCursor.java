package io.switchboard.emulator.query;

import io.switchboard.emulator.api.SalesforceError;
import java.util.List;

/** Walks a token list for the parsers, refusing anything unexpected with Salesforce's wording. */
final class TokenCursor {
    private final List<Token> tokens;
    private final QueryText text;
    private int index;

    TokenCursor(List<Token> tokens, QueryText text) {
        this.tokens = tokens;
        this.text = text;
    }

    QueryText text() {
        return text;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peekAhead(int distance) {
        return tokens.get(Math.min(index + distance, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(index);
        if (!token.is(TokenType.EOF)) {
            index++;
        }
        return token;
    }

    boolean atWord(String word) {
        return peek().isWord(word);
    }

    boolean at(TokenType type) {
        return peek().is(type);
    }

    /** Consumes the keyword when it comes next. */
    boolean acceptWord(String word) {
        if (atWord(word)) {
            next();
            return true;
        }
        return false;
    }

    boolean accept(TokenType type) {
        if (at(type)) {
            next();
            return true;
        }
        return false;
    }

    Token expectWord(String word) {
        if (!atWord(word)) {
            throw unexpected();
        }
        return next();
    }

    Token expect(TokenType type) {
        if (!at(type)) {
            throw unexpected();
        }
        return next();
    }

    /** The refusal for the token that comes next. */
    SalesforceError unexpected() {
        return text.unexpected(peek());
    }
}
