package io.switchboard.emulator.query;

import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.schema.OrgSchema;
import io.switchboard.emulator.schema.SObjectSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code FIND {term} [IN scope FIELDS] [RETURNING Obj(fields [WHERE] [ORDER BY] [LIMIT]), ...] [LIMIT n]}.
 * The clauses after the term are SOQL's own and are parsed as such.
 */
final class SoslParser {
    static final int MAX_LIMIT = 2000;
    private static final Pattern FIND = Pattern.compile("\\s*FIND\\s*\\{", Pattern.CASE_INSENSITIVE);

    private final TokenCursor tokens;
    private final ClauseParser clauses;
    private final OrgSchema org;

    private SoslParser(TokenCursor tokens, OrgSchema org, Clock clock) {
        this.tokens = tokens;
        this.clauses = new ClauseParser(tokens, org, clock);
        this.org = org;
    }

    static SoslQuery parse(String sosl, OrgSchema org, Clock clock) {
        QueryText text = QueryText.sosl(sosl);
        Matcher find = FIND.matcher(sosl);
        if (!find.lookingAt()) {
            throw new SalesforceError(400, "MALFORMED_SEARCH",
                    "No search term found. The search term must be enclosed in braces.");
        }
        SearchTermParser.Parsed term = SearchTermParser.parse(text, find.end());
        TokenCursor tokens = new TokenCursor(SoqlLexer.tokenize(text, term.end()), text);
        return new SoslParser(tokens, org, clock).rest(term.term());
    }

    private SoslQuery rest(SearchTerm term) {
        SearchScope scope = tokens.acceptWord("IN") ? scope() : SearchScope.ALL;
        List<SoslQuery.Returning> returning = tokens.acceptWord("RETURNING") ? returningList() : everySearchable();
        int limit = tokens.acceptWord("LIMIT") ? Math.min(clauses.nonNegativeInteger(), MAX_LIMIT) : MAX_LIMIT;
        tokens.expect(TokenType.EOF);
        return new SoslQuery(term, scope, returning, limit);
    }

    private SearchScope scope() {
        Token name = tokens.expect(TokenType.IDENTIFIER);
        SearchScope scope = SearchScope.named(name.text()).orElseThrow(() -> tokens.text().unexpected(name));
        tokens.expectWord("FIELDS");
        return scope;
    }

    private List<SoslQuery.Returning> returningList() {
        List<SoslQuery.Returning> returning = new ArrayList<>();
        do {
            returning.add(returning());
        } while (tokens.accept(TokenType.COMMA));
        return returning;
    }

    private SoslQuery.Returning returning() {
        Token name = tokens.expect(TokenType.IDENTIFIER);
        SObjectSchema object = clauses.object(name);
        if (!object.searchable()) {
            throw tokens.text().error("INVALID_TYPE", name.position(),
                    "entity type " + object.name() + " does not support search");
        }
        if (!tokens.accept(TokenType.LPAREN)) {
            return idOnly(object);
        }
        List<FieldPath> fields = new ArrayList<>();
        do {
            fields.add(clauses.fieldPath(object));
        } while (tokens.accept(TokenType.COMMA));
        Condition where = tokens.acceptWord("WHERE") ? clauses.condition(object) : Condition.ALWAYS;
        List<OrderItem> orderBy = List.of();
        if (tokens.acceptWord("ORDER")) {
            tokens.expectWord("BY");
            orderBy = clauses.orderBy(object);
        }
        OptionalInt limit = tokens.acceptWord("LIMIT") ? OptionalInt.of(clauses.nonNegativeInteger()) : OptionalInt.empty();
        tokens.expect(TokenType.RPAREN);
        return new SoslQuery.Returning(object, fields, where, orderBy, limit);
    }

    /** Without RETURNING, Salesforce answers the ids of matches in every searchable object. */
    private List<SoslQuery.Returning> everySearchable() {
        return org.objects().stream().filter(SObjectSchema::searchable).map(this::idOnly).toList();
    }

    private SoslQuery.Returning idOnly(SObjectSchema object) {
        FieldPath id = new FieldPath(List.of(), object.field("Id").orElseThrow());
        return new SoslQuery.Returning(object, List.of(id), Condition.ALWAYS, List.of(), OptionalInt.empty());
    }
}
