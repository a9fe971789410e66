package io.switchboard.emulator.query;

import io.switchboard.emulator.api.SalesforceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the search term between the braces of a SOSL FIND clause. Reserved characters must be escaped with a
 * backslash to be searched for; unescaped, only {@code *} (wildcard) and {@code "} (phrase) are understood and
 * every other one is refused, as Salesforce refuses it.
 */
final class SearchTermParser {
    private static final String RESERVED = "?&|!{}[]()^~*:\"'+-\\";

    /** The parsed term and the offset just after its closing brace. */
    record Parsed(SearchTerm term, int end) {
    }

    /** A unit or an operator word, in the order they were written. */
    private record Element(SearchUnit unit, String operator, int position) {
    }

    private final QueryText text;
    private final String source;
    private final List<Element> elements = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private int wordStart;
    private boolean wordIsLiteral;
    private int position;

    private SearchTermParser(QueryText text, int start) {
        this.text = text;
        this.source = text.source();
        this.position = start;
    }

    /** Parses from {@code start}, the offset just after the opening brace. */
    static Parsed parse(QueryText text, int start) {
        SearchTermParser parser = new SearchTermParser(text, start);
        parser.scan();
        return new Parsed(parser.term(), parser.position);
    }

    private void scan() {
        boolean inPhrase = false;
        while (true) {
            if (position >= source.length()) {
                throw mismatched("<EOF>", position);
            }
            char c = source.charAt(position);
            if (c == '}' && !inPhrase) {
                endWord();
                position++;
                return;
            }
            if (c == '\\') {
                escaped();
                continue;
            }
            if (c == '"') {
                endWord();
                inPhrase = !inPhrase;
                // a quoted OR is a word to find, not an operator
                wordIsLiteral = inPhrase;
            } else if (Character.isWhitespace(c) && !inPhrase) {
                endWord();
            } else if (c == '*') {
                append(SearchUnit.WILDCARD);
            } else if (RESERVED.indexOf(c) >= 0) {
                throw mismatched(String.valueOf(c), position);
            } else {
                append(c);
            }
            position++;
        }
    }

    private void escaped() {
        if (position + 1 >= source.length()) {
            throw mismatched("<EOF>", position + 1);
        }
        append(source.charAt(position + 1));
        wordIsLiteral = true;
        position += 2;
    }

    private void append(char c) {
        if (word.isEmpty()) {
            wordStart = position;
        }
        word.append(c);
    }

    private void endWord() {
        if (word.isEmpty()) {
            wordIsLiteral = false;
            return;
        }
        String value = word.toString();
        String upper = value.toUpperCase(Locale.ROOT);
        boolean operator = !wordIsLiteral && (upper.equals("OR") || upper.equals("AND") || upper.equals("NOT"));
        elements.add(operator ? new Element(null, upper, wordStart) : new Element(SearchUnit.of(value), null, wordStart));
        word.setLength(0);
        wordIsLiteral = false;
    }

    /** Groups units into alternatives: AND binds them closer than OR, and NOT excludes the unit after it. */
    private SearchTerm term() {
        List<SearchTerm.Conjunction> alternatives = new ArrayList<>();
        List<SearchUnit> required = new ArrayList<>();
        List<SearchUnit> excluded = new ArrayList<>();
        boolean excludeNext = false;
        Element pending = null;
        for (Element element : elements) {
            if (element.unit() != null) {
                (excludeNext ? excluded : required).add(element.unit());
                excludeNext = false;
                pending = null;
            } else if (element.operator().equals("NOT")) {
                excludeNext = true;
                pending = element;
            } else if (pending != null || required.isEmpty()) {
                throw unexpected(element);
            } else {
                pending = element;
                if (element.operator().equals("OR")) {
                    alternatives.add(new SearchTerm.Conjunction(required, excluded));
                    required = new ArrayList<>();
                    excluded = new ArrayList<>();
                }
            }
        }
        if (pending != null) {
            throw unexpected(pending);
        }
        if (!required.isEmpty()) {
            alternatives.add(new SearchTerm.Conjunction(required, excluded));
        }
        SearchTerm term = new SearchTerm(alternatives);
        if (term.longestUnit() < 2) {
            throw new SalesforceError(400, "INVALID_SEARCH", "search term must be longer than one character");
        }
        return term;
    }

    private SalesforceError unexpected(Element operator) {
        return text.syntaxError(operator.position(), "unexpected token: '" + operator.operator() + "'");
    }

    private SalesforceError mismatched(String character, int at) {
        String shown = character.equals("<EOF>") ? character : "'" + character + "'";
        return text.syntaxError(at, "mismatched character " + shown + " expecting '}'");
    }
}
