package io.switchboard.emulator.query;

import io.switchboard.emulator.schema.OrgSchema;
import io.switchboard.emulator.schema.SObjectSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Parses {@code SELECT ... FROM ... [WHERE ...] [ORDER BY ...] [LIMIT n] [OFFSET n]} into a {@link SoqlQuery},
 * refusing with Salesforce's error codes and messages whatever Salesforce would refuse.
 */
final class SoqlParser {
    static final int MAX_OFFSET = 2000;

    private final TokenCursor tokens;
    private final ClauseParser clauses;

    private SoqlParser(QueryText text, OrgSchema org, Clock clock) {
        this.tokens = new TokenCursor(SoqlLexer.tokenize(text, 0), text);
        this.clauses = new ClauseParser(tokens, org, clock);
    }

    static SoqlQuery parse(String soql, OrgSchema org, Clock clock) {
        return new SoqlParser(QueryText.soql(soql), org, clock).query();
    }

    private SoqlQuery query() {
        tokens.expectWord("SELECT");
        List<SelectItem> items = selectItems();
        tokens.expectWord("FROM");
        SObjectSchema object = clauses.object(tokens.expect(TokenType.IDENTIFIER));
        Selection selection = selection(object, items);
        Condition where = tokens.acceptWord("WHERE") ? clauses.condition(object) : Condition.ALWAYS;
        List<OrderItem> orderBy = List.of();
        if (tokens.acceptWord("ORDER")) {
            tokens.expectWord("BY");
            orderBy = clauses.orderBy(object);
        }
        OptionalInt limit = tokens.acceptWord("LIMIT") ? OptionalInt.of(clauses.nonNegativeInteger()) : OptionalInt.empty();
        int offset = tokens.acceptWord("OFFSET") ? offset() : 0;
        tokens.expect(TokenType.EOF);
        return new SoqlQuery(object, selection, where, orderBy, limit, offset);
    }

    /**
     * One item of the SELECT list, kept as tokens until FROM has named the object its fields belong to.
     *
     * @param count whether the item is a COUNT call
     * @param field the field named or counted; null for {@code COUNT()}
     */
    private record SelectItem(Token start, boolean count, Token field) {
    }

    private List<SelectItem> selectItems() {
        List<SelectItem> items = new ArrayList<>();
        do {
            if (tokens.atWord("COUNT") && tokens.peekAhead(1).is(TokenType.LPAREN)) {
                Token count = tokens.next();
                tokens.next();
                Token counted = tokens.at(TokenType.RPAREN) ? null : tokens.expect(TokenType.IDENTIFIER);
                tokens.expect(TokenType.RPAREN);
                items.add(new SelectItem(count, true, counted));
            } else {
                Token field = tokens.expect(TokenType.IDENTIFIER);
                items.add(new SelectItem(field, false, field));
            }
        } while (tokens.accept(TokenType.COMMA));
        return items;
    }

    private Selection selection(SObjectSchema object, List<SelectItem> items) {
        boolean anyCount = items.stream().anyMatch(SelectItem::count);
        if (!anyCount) {
            return new Selection.Fields(fields(object, items));
        }
        items.stream().filter(item -> !item.count()).findFirst().ifPresent(plain -> {
            throw tokens.text().syntaxError(plain.start().position(),
                    "Field must be grouped or aggregated: " + plain.start().text());
        });
        if (items.size() == 1 && items.get(0).field() == null) {
            return new Selection.CountRows();
        }
        List<FieldPath> counted = new ArrayList<>();
        for (SelectItem item : items) {
            if (item.field() == null) {
                throw tokens.text().unexpected(item.start());
            }
            counted.add(clauses.resolve(object, item.field()));
        }
        return new Selection.CountOf(counted);
    }

    private List<FieldPath> fields(SObjectSchema object, List<SelectItem> items) {
        List<FieldPath> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SelectItem item : items) {
            FieldPath path = clauses.resolve(object, item.field());
            if (!seen.add(path.canonical().toLowerCase(Locale.ROOT))) {
                throw tokens.text().syntaxError(item.start().position(),
                        "duplicate field selected: " + item.field().text());
            }
            paths.add(path);
        }
        return paths;
    }

    private int offset() {
        Token at = tokens.peek();
        int offset = clauses.nonNegativeInteger();
        if (offset > MAX_OFFSET) {
            throw tokens.text().error("NUMBER_OUTSIDE_VALID_RANGE", at.position(),
                    "Maximum SOQL offset allowed is " + MAX_OFFSET);
        }
        return offset;
    }
}
