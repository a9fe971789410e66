package io.switchboard.emulator.query;

import static io.switchboard.emulator.query.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.emulator.api.SalesforceError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queries Salesforce refuses, each with its status, error code and message. */
class SoqlRefusalTest {
    private static final String HINT = " Please reference your WSDL or the describe call for the appropriate names.";

    private QueryService service;

    @BeforeEach
    void seed() {
        InMemoryRecords records = new InMemoryRecords(TestOrg.schema());
        service = new QueryService(records, TestOrg.CLOCK);
        records.insert("Contact", "LastName", "Rossi");
    }

    private void query(String soql) {
        service.query(soql, 2000, TestOrg.VERSION);
    }

    @Test
    void shouldEchoTheQueryWithACaretUnderTheErrorAndItsRowAndColumn() {
        SalesforceError error = assertRefused(() -> query("SELECT Id FROM Contact WHERE Foo = 'x'"),
                "INVALID_FIELD", "No such column 'Foo' on entity 'Contact'. If you are attempting to use a custom "
                        + "field, be sure to append the '__c' after the custom field name." + HINT);

        assertEquals("\nSELECT Id FROM Contact WHERE Foo = 'x'\n                             ^\n"
                + "ERROR at Row:1:Column:30\nNo such column 'Foo' on entity 'Contact'. If you are attempting to use "
                + "a custom field, be sure to append the '__c' after the custom field name." + HINT, error.getMessage());
    }

    @Test
    void shouldCountRowsAndColumnsOnMultiLineQueries() {
        SalesforceError error = assertRefused(() -> query("SELECT Id\nFROM Contact\nWHERE LastName = Rossi"),
                "MALFORMED_QUERY", "unexpected token: 'Rossi'");

        assertEquals("\nWHERE LastName = Rossi\n                 ^\nERROR at Row:3:Column:18\nunexpected token: 'Rossi'",
                error.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownSelectedField() {
        assertRefused(() -> query("SELECT Id, Nickname FROM Contact"), "INVALID_FIELD",
                "No such column 'Nickname' on entity 'Contact'. If you are attempting to use a custom field, be sure "
                        + "to append the '__c' after the custom field name." + HINT);
    }

    @Test
    void shouldRefuseAnUnknownFieldOnAParent() {
        assertRefused(() -> query("SELECT Account.Nickname FROM Contact"), "INVALID_FIELD",
                "No such column 'Nickname' on entity 'Account'. If you are attempting to use a custom field, be sure "
                        + "to append the '__c' after the custom field name." + HINT);
    }

    @Test
    void shouldRefuseAnUnknownRelationship() {
        assertRefused(() -> query("SELECT Boss.Name FROM Contact"), "INVALID_FIELD",
                "Didn't understand relationship 'Boss' in field path. If you are attempting to use a custom "
                        + "relationship, be sure to append the '__r' after the custom relationship name." + HINT);
    }

    @Test
    void shouldRefuseTheReferenceFieldNameUsedAsARelationship() {
        assertRefused(() -> query("SELECT OwnerId.Email FROM Contact"), "INVALID_FIELD",
                "Didn't understand relationship 'OwnerId' in field path. If you are attempting to use a custom "
                        + "relationship, be sure to append the '__r' after the custom relationship name." + HINT);
    }

    @Test
    void shouldRefuseAnUnknownObject() {
        assertRefused(() -> query("SELECT Id FROM Contacts"), "INVALID_TYPE",
                "sObject type 'Contacts' is not supported. If you are attempting to use a custom object, be sure to "
                        + "append the '__c' after the entity name." + HINT);
    }

    @Test
    void shouldRefuseAMisspelledKeyword() {
        assertRefused(() -> query("SELECT Id FORM Contact"), "MALFORMED_QUERY", "unexpected token: 'FORM'");
    }

    @Test
    void shouldRefuseAQueryThatEndsTooSoon() {
        assertRefused(() -> query("SELECT Id FROM"), "MALFORMED_QUERY", "unexpected token: <EOF>");
    }

    @Test
    void shouldRefuseTrailingWords() {
        assertRefused(() -> query("SELECT Id FROM Contact LastName"), "MALFORMED_QUERY",
                "unexpected token: 'LastName'");
    }

    @Test
    void shouldRefuseAStar() {
        assertRefused(() -> query("SELECT * FROM Contact"), "MALFORMED_QUERY", "unexpected token: '*'");
    }

    @Test
    void shouldRefuseAnUnquotedWordAsAValue() {
        assertRefused(() -> query("SELECT Id FROM Contact WHERE LastName = Rossi"), "MALFORMED_QUERY",
                "unexpected token: 'Rossi'");
    }

    @Test
    void shouldRefuseAQuotedNumberForANumberField() {
        assertRefused(() -> query("SELECT Id FROM Account WHERE NumberOfEmployees = '5'"), "INVALID_FIELD",
                "value of filter criterion for field 'NumberOfEmployees' must be of type integer and should not be "
                        + "enclosed in quotes");
    }

    @Test
    void shouldRefuseAQuotedNumberForACurrencyField() {
        assertRefused(() -> query("SELECT Id FROM Account WHERE AnnualRevenue > '5'"), "INVALID_FIELD",
                "value of filter criterion for field 'AnnualRevenue' must be of type double and should not be "
                        + "enclosed in quotes");
    }

    @Test
    void shouldRefuseANumberForATextField() {
        assertRefused(() -> query("SELECT Id FROM Contact WHERE Phone = 3331234567"), "INVALID_FIELD",
                "value of filter criterion for field 'Phone' must be of type string and should be enclosed in quotes");
    }

    @Test
    void shouldRefuseAQuotedBoolean() {
        assertRefused(() -> query("SELECT Id FROM Contact WHERE HasOptedOutOfEmail = 'true'"), "INVALID_FIELD",
                "value of filter criterion for field 'HasOptedOutOfEmail' must be of type boolean and should not be "
                        + "enclosed in quotes");
    }

    @Test
    void shouldRefuseAMalformedId() {
        assertRefused(() -> query("SELECT Id FROM Contact WHERE Id = 'abc'"), "INVALID_QUERY_FILTER_OPERATOR",
                "invalid ID field: abc");
    }

    @Test
    void shouldRefuseLikeOnAnId() {
        assertRefused(() -> query("SELECT Id FROM Contact WHERE AccountId LIKE '001%'"),
                "INVALID_QUERY_FILTER_OPERATOR", "invalid operator on id field");
    }

    @Test
    void shouldRefuseLikeOnANumber() {
        assertRefused(() -> query("SELECT Id FROM Account WHERE NumberOfEmployees LIKE '5%'"), "INVALID_FIELD",
                "value of filter criterion for field 'NumberOfEmployees' must be of type integer and should not be "
                        + "enclosed in quotes");
    }

    @Test
    void shouldRefuseFilteringOnALongTextArea() {
        assertRefused(() -> query("SELECT Id FROM Contact WHERE Description = 'x'"), "INVALID_FIELD",
                "field 'Description' can not be filtered in a query call");
    }

    @Test
    void shouldRefuseFilteringOnBase64() {
        assertRefused(() -> query("SELECT Id FROM Contact WHERE Photo = null"), "INVALID_FIELD",
                "field 'Photo' can not be filtered in a query call");
    }

    @Test
    void shouldRefuseAnEmptyInList() {
        assertRefused(() -> query("SELECT Id FROM Contact WHERE LastName IN ()"), "MALFORMED_QUERY",
                "unexpected token: ')'");
    }

    @Test
    void shouldRefuseBindVariables() {
        assertRefused(() -> query("SELECT Id FROM Contact WHERE LastName = :name"), "MALFORMED_QUERY",
                "Bind variables only allowed in Apex code");
    }

    @Test
    void shouldRefuseADuplicateField() {
        assertRefused(() -> query("SELECT Id, LastName, lastname FROM Contact"), "MALFORMED_QUERY",
                "duplicate field selected: lastname");
    }

    @Test
    void shouldRefuseCountMixedWithFields() {
        assertRefused(() -> query("SELECT COUNT(), LastName FROM Contact"), "MALFORMED_QUERY",
                "Field must be grouped or aggregated: LastName");
    }

    @Test
    void shouldRefuseAnUnknownEscapeSequence() {
        assertRefused(() -> query("SELECT Id FROM Contact WHERE LastName = 'Anne\\-Marie'"), "MALFORMED_QUERY",
                "Invalid string literal 'Anne\\-Marie'. Illegal character sequence '\\-' in string literal.");
    }

    @Test
    void shouldRefuseAnUnterminatedString() {
        assertRefused(() -> query("SELECT Id FROM Contact WHERE LastName = 'Rossi"), "MALFORMED_QUERY",
                "unexpected token: <EOF>");
    }

    @Test
    void shouldRefuseSubqueries() {
        assertRefused(() -> query("SELECT Id, (SELECT Id FROM Cases) FROM Contact"), "MALFORMED_QUERY",
                "unexpected token: '('");
    }
}
