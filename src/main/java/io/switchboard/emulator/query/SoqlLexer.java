package io.switchboard.emulator.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL text (or the part of a SOSL request after its search term) into tokens. */
final class SoqlLexer {
    private static final Pattern DATE_OR_DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2}))?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]*)*");
    private static final Pattern OPERATOR = Pattern.compile("!=|<>|<=|>=|=|<|>");

    private final QueryText text;
    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int position;

    private SoqlLexer(QueryText text, int start) {
        this.text = text;
        this.source = text.source();
        this.position = start;
    }

    /** Tokens of {@code text} from offset {@code start} to its end, closed by an EOF token. */
    static List<Token> tokenize(QueryText text, int start) {
        SoqlLexer lexer = new SoqlLexer(text, start);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipWhitespace();
            if (position >= source.length()) {
                tokens.add(new Token(TokenType.EOF, "", source.length()));
                return;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
            position++;
        }
    }

    private Token next() {
        char c = source.charAt(position);
        return switch (c) {
            case ',' -> single(TokenType.COMMA);
            case '(' -> single(TokenType.LPAREN);
            case ')' -> single(TokenType.RPAREN);
            case ':' -> single(TokenType.COLON);
            case '\'' -> stringLiteral();
            default -> patterned();
        };
    }

    private Token single(TokenType type) {
        return new Token(type, String.valueOf(source.charAt(position)), position++);
    }

    private Token patterned() {
        Token token = match(DATE_OR_DATETIME, null);
        if (token == null) {
            token = match(NUMBER, TokenType.NUMBER);
        }
        if (token == null) {
            token = match(IDENTIFIER, TokenType.IDENTIFIER);
        }
        if (token == null) {
            token = match(OPERATOR, TokenType.OPERATOR);
        }
        if (token == null) {
            throw text.unexpected(new Token(TokenType.OPERATOR, String.valueOf(source.charAt(position)), position));
        }
        return token;
    }

    private Token match(Pattern pattern, TokenType type) {
        Matcher matcher = pattern.matcher(source).region(position, source.length());
        if (!matcher.lookingAt()) {
            return null;
        }
        TokenType actual = type != null ? type : matcher.group(1) != null ? TokenType.DATETIME : TokenType.DATE;
        Token token = new Token(actual, matcher.group(), position);
        position = matcher.end();
        return token;
    }

    private Token stringLiteral() {
        int start = position;
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != '\'') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= source.length()) {
            throw text.unexpected(new Token(TokenType.EOF, "", source.length()));
        }
        String raw = source.substring(start + 1, i);
        StringLiterals.illegalEscape(raw).ifPresent(sequence -> {
            throw text.syntaxError(start, "Invalid string literal '" + raw + "'. Illegal character sequence '"
                    + sequence + "' in string literal.");
        });
        position = i + 1;
        return new Token(TokenType.STRING, raw, start);
    }
}
