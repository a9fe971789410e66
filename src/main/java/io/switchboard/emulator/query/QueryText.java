package io.switchboard.emulator.query;

import io.switchboard.emulator.api.SalesforceError;
import java.util.List;

/**
 * The text of one SOQL or SOSL request, used to word refusals the way Salesforce does: the offending line echoed
 * with a caret under the error, its row and column, then the reason.
 *
 * @param syntaxErrorCode MALFORMED_QUERY for SOQL, MALFORMED_SEARCH for SOSL
 */
record QueryText(String source, String syntaxErrorCode) {

    static QueryText soql(String source) {
        return new QueryText(source, "MALFORMED_QUERY");
    }

    static QueryText sosl(String source) {
        return new QueryText(source, "MALFORMED_SEARCH");
    }

    SalesforceError unexpected(Token token) {
        return syntaxError(token.position(), "unexpected token: " + token.display());
    }

    SalesforceError syntaxError(int position, String reason) {
        return error(syntaxErrorCode, position, reason);
    }

    SalesforceError invalidField(int position, String reason) {
        return error("INVALID_FIELD", position, reason);
    }

    SalesforceError error(String errorCode, int position, String reason) {
        return new SalesforceError(400, errorCode, located(position, reason), List.of());
    }

    private String located(int position, String reason) {
        int at = Math.min(Math.max(position, 0), source.length());
        int lineStart = source.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = source.indexOf('\n', at);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        int row = (int) source.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
        int column = at - lineStart + 1;
        return "\n" + line + "\n" + " ".repeat(column - 1) + "^\nERROR at Row:" + row + ":Column:" + column
                + "\n" + reason;
    }
}
