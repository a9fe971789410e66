package io.switchboard.emulator.query;

import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import io.switchboard.emulator.schema.OrgSchema;
import io.switchboard.emulator.schema.SObjectSchema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses the clauses SOQL and SOSL share: field paths, WHERE conditions, ORDER BY and counts. Every literal is
 * checked against the type of the field it is compared with, as Salesforce checks it before running anything.
 */
final class ClauseParser {
    private static final int LONG_TEXT_AREA = 255;
    private static final String REFERENCE_HINT = " Please reference your WSDL or the describe call for the "
            + "appropriate names.";

    private final TokenCursor tokens;
    private final OrgSchema org;
    private final Clock clock;

    ClauseParser(TokenCursor tokens, OrgSchema org, Clock clock) {
        this.tokens = tokens;
        this.org = org;
        this.clock = clock;
    }

    /** The object a FROM or RETURNING item names, refused as INVALID_TYPE when the org has none such. */
    SObjectSchema object(Token name) {
        return org.object(name.text()).orElseThrow(() -> tokens.text().error("INVALID_TYPE", name.position(),
                "sObject type '" + name.text() + "' is not supported. If you are attempting to use a custom "
                        + "object, be sure to append the '__c' after the entity name." + REFERENCE_HINT));
    }

    /** Reads one field path, such as {@code Owner.Email}, from the tokens. */
    FieldPath fieldPath(SObjectSchema object) {
        return resolve(object, tokens.expect(TokenType.IDENTIFIER));
    }

    /** The field a dotted name stands for, following relationship names through reference fields. */
    FieldPath resolve(SObjectSchema object, Token name) {
        String[] segments = name.text().split("\\.", -1);
        List<SObjectSchema> candidates = List.of(object);
        String entity = object.name();
        List<FieldSchema> references = new ArrayList<>();
        for (int i = 0; i < segments.length - 1; i++) {
            FieldSchema reference = relationship(candidates, segments[i], name);
            references.add(reference);
            candidates = reference.referenceTo().stream().map(org::object).flatMap(Optional::stream).toList();
            entity = reference.referenceTo().isEmpty() ? reference.relationshipName() : reference.referenceTo().get(0);
        }
        String leaf = segments[segments.length - 1];
        if (leaf.isEmpty()) {
            throw tokens.text().unexpected(name);
        }
        String entityName = entity;
        FieldSchema field = candidates.stream().map(candidate -> candidate.field(leaf)).flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> tokens.text().invalidField(name.position(), "No such column '" + leaf
                        + "' on entity '" + entityName + "'. If you are attempting to use a custom field, be sure "
                        + "to append the '__c' after the custom field name." + REFERENCE_HINT));
        return new FieldPath(references, field);
    }

    private FieldSchema relationship(List<SObjectSchema> candidates, String segment, Token name) {
        return candidates.stream().flatMap(candidate -> candidate.fields().stream())
                .filter(field -> field.type() == FieldType.REFERENCE && segment.equalsIgnoreCase(field.relationshipName()))
                .findFirst()
                .orElseThrow(() -> tokens.text().invalidField(name.position(), "Didn't understand relationship '"
                        + segment + "' in field path. If you are attempting to use a custom relationship, be sure "
                        + "to append the '__r' after the custom relationship name." + REFERENCE_HINT));
    }

    /**
     * A WHERE condition. Salesforce refuses AND and OR side by side without parentheses, so a chain keeps
     * the joiner it started with.
     */
    Condition condition(SObjectSchema object) {
        Condition first = unary(object);
        if (!tokens.atWord("AND") && !tokens.atWord("OR")) {
            return first;
        }
        String joiner = tokens.peek().upper();
        List<Condition> parts = new ArrayList<>(List.of(first));
        while (tokens.acceptWord(joiner)) {
            parts.add(unary(object));
        }
        if (tokens.atWord("AND") || tokens.atWord("OR")) {
            throw tokens.unexpected();
        }
        return joiner.equals("AND") ? new Condition.All(parts) : new Condition.Any(parts);
    }

    private Condition unary(SObjectSchema object) {
        if (tokens.acceptWord("NOT")) {
            return new Condition.Not(unary(object));
        }
        if (tokens.accept(TokenType.LPAREN)) {
            Condition inner = condition(object);
            tokens.expect(TokenType.RPAREN);
            return inner;
        }
        return fieldExpression(object);
    }

    private Condition fieldExpression(SObjectSchema object) {
        Token name = tokens.expect(TokenType.IDENTIFIER);
        FieldPath path = resolve(object, name);
        refuseLongText(path, name, "filtered");
        if (tokens.acceptWord("LIKE")) {
            return like(path, name);
        }
        if (tokens.atWord("NOT") && tokens.peekAhead(1).isWord("IN")) {
            tokens.next();
            tokens.next();
            return in(path, true);
        }
        if (tokens.acceptWord("IN")) {
            return in(path, false);
        }
        String operator = tokens.expect(TokenType.OPERATOR).text();
        return new Condition.FieldTest(path, Filters.compare(operator, operand(path)));
    }

    private Condition like(FieldPath path, Token name) {
        FieldType type = path.field().type();
        if (isId(type)) {
            throw tokens.text().error("INVALID_QUERY_FILTER_OPERATOR", name.position(), "invalid operator on id field");
        }
        Token value = tokens.next();
        if (value.is(TokenType.STRING) && type.isText()) {
            return new Condition.FieldTest(path, Filters.like(StringLiterals.likeRegex(value.text())));
        }
        throw isLiteral(value) ? typeMismatch(path, value) : tokens.text().unexpected(value);
    }

    private Condition in(FieldPath path, boolean negated) {
        tokens.expect(TokenType.LPAREN);
        List<Comparable<?>> values = new ArrayList<>();
        do {
            Token start = tokens.peek();
            if (!(operand(path) instanceof Operand.Value value)) {
                throw tokens.text().unexpected(start);
            }
            values.add(value.value());
        } while (tokens.accept(TokenType.COMMA));
        tokens.expect(TokenType.RPAREN);
        return new Condition.FieldTest(path, Filters.in(values, negated));
    }

    /** The literal after an operator, converted to the field's comparable form. */
    private Operand operand(FieldPath path) {
        Token token = tokens.next();
        FieldType type = path.field().type();
        return switch (token.type()) {
            case STRING -> stringOperand(path, token);
            case NUMBER -> typed(path, token, type.isNumeric(), BigDecimal::new);
            case DATE -> typed(path, token, type == FieldType.DATE, Temporals::date);
            case DATETIME -> typed(path, token, type == FieldType.DATETIME, Temporals::dateTime);
            case COLON -> throw tokens.text().syntaxError(token.position(), "Bind variables only allowed in Apex code");
            case IDENTIFIER -> wordOperand(path, token);
            default -> throw tokens.text().unexpected(token);
        };
    }

    private Operand typed(FieldPath path, Token token, boolean fits, Function<String, Comparable<?>> reader) {
        if (!fits) {
            throw typeMismatch(path, token);
        }
        return new Operand.Value(reader.apply(token.text()));
    }

    private Operand stringOperand(FieldPath path, Token token) {
        FieldType type = path.field().type();
        String value = StringLiterals.decode(token.text());
        if (type.isText()) {
            return new Operand.Value(value.toLowerCase(Locale.ROOT));
        }
        if (!isId(type)) {
            throw typeMismatch(path, token);
        }
        if (!value.matches("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}")) {
            throw tokens.text().error("INVALID_QUERY_FILTER_OPERATOR", token.position(), "invalid ID field: " + value);
        }
        return new Operand.Value(FieldValues.idKey(value));
    }

    private Operand wordOperand(FieldPath path, Token token) {
        FieldType type = path.field().type();
        String word = token.upper();
        if (word.equals("NULL")) {
            return new Operand.Value(null);
        }
        if (word.equals("TRUE") || word.equals("FALSE")) {
            return typed(path, token, type == FieldType.BOOLEAN, Boolean::valueOf);
        }
        int count = 0;
        if (DateRange.takesCount(word)) {
            tokens.expect(TokenType.COLON);
            count = nonNegativeInteger();
        }
        Optional<DateRange> range = DateRange.of(word, count, clock);
        if (range.isEmpty()) {
            throw tokens.text().unexpected(token);
        }
        if (type != FieldType.DATE && type != FieldType.DATETIME) {
            throw typeMismatch(path, token);
        }
        return type == FieldType.DATE
                ? new Operand.Range(range.get().start(), range.get().endExclusive())
                : new Operand.Range(startOfDay(range.get().start()), startOfDay(range.get().endExclusive()));
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private SalesforceError typeMismatch(FieldPath path, Token value) {
        FieldType type = path.field().type();
        boolean quoted = type.isText() || isId(type);
        String expected = quoted ? "string" : switch (type) {
            case INT -> "integer";
            case DATETIME -> "dateTime";
            case DATE, BOOLEAN -> type.apiName();
            default -> "double";
        };
        return tokens.text().invalidField(value.position(), "value of filter criterion for field '"
                + path.field().name() + "' must be of type " + expected + " and should "
                + (quoted ? "" : "not ") + "be enclosed in quotes");
    }

    /** ORDER BY items, after the ORDER BY keywords. */
    List<OrderItem> orderBy(SObjectSchema object) {
        List<OrderItem> items = new ArrayList<>();
        do {
            Token name = tokens.expect(TokenType.IDENTIFIER);
            FieldPath path = resolve(object, name);
            refuseLongText(path, name, "sorted");
            boolean descending = tokens.acceptWord("DESC");
            if (!descending) {
                tokens.acceptWord("ASC");
            }
            boolean nullsFirst = !descending;
            if (tokens.acceptWord("NULLS")) {
                nullsFirst = tokens.acceptWord("FIRST");
                if (!nullsFirst) {
                    tokens.expectWord("LAST");
                }
            }
            items.add(new OrderItem(path, descending, nullsFirst));
        } while (tokens.accept(TokenType.COMMA));
        return items;
    }

    /** A whole number such as the one after LIMIT or OFFSET. */
    int nonNegativeInteger() {
        Token token = tokens.expect(TokenType.NUMBER);
        if (!token.text().matches("\\d{1,9}")) {
            throw tokens.text().unexpected(token);
        }
        return Integer.parseInt(token.text());
    }

    private void refuseLongText(FieldPath path, Token name, String use) {
        FieldSchema field = path.field();
        boolean longText = field.type() == FieldType.TEXTAREA && field.length() > LONG_TEXT_AREA;
        if (longText || field.type() == FieldType.BASE64) {
            throw tokens.text().invalidField(name.position(),
                    "field '" + field.name() + "' can not be " + use + " in a query call");
        }
    }

    private static boolean isId(FieldType type) {
        return type == FieldType.ID || type == FieldType.REFERENCE;
    }

    private static boolean isLiteral(Token token) {
        return token.is(TokenType.STRING) || token.is(TokenType.NUMBER) || token.is(TokenType.DATE)
                || token.is(TokenType.DATETIME);
    }
}
