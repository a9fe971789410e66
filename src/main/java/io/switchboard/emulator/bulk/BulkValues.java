package io.switchboard.emulator.bulk;

import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.records.Timestamps;
import io.switchboard.emulator.schema.FieldSchema;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a CSV value as the XML Schema type Bulk API parses it into, and hands it on in the form every REST write
 * takes, so the same validation applies afterwards.
 */
final class BulkValues {
    /** The value that sets a field to null; an empty value leaves the field as it is. */
    static final String NULL_VALUE = "#N/A";
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})Z?");

    private BulkValues() {
    }

    /** @param column the 1-based column position, which the refusal names */
    static String normalized(FieldSchema field, String value, int column) {
        return switch (field.type()) {
            case BOOLEAN -> bool(field, value, column);
            case INT -> {
                if (!INTEGER.matcher(value).matches() || new BigInteger(value).bitLength() > 31) {
                    throw invalid(field, value, column, "int");
                }
                yield value;
            }
            case DOUBLE, CURRENCY, PERCENT -> {
                if (!DECIMAL.matcher(value).matches() || !Double.isFinite(Double.parseDouble(value))) {
                    throw invalid(field, value, column, "double");
                }
                yield value;
            }
            case DATE -> {
                var matcher = DATE.matcher(value);
                if (!matcher.matches() || Timestamps.parseDate(matcher.group(1)).isEmpty()) {
                    throw invalid(field, value, column, "date");
                }
                yield matcher.group(1);
            }
            case DATETIME -> {
                if (Timestamps.parseDateTime(value).isEmpty()) {
                    throw invalid(field, value, column, "dateTime");
                }
                yield value;
            }
            default -> value;
        };
    }

    private static String bool(FieldSchema field, String value, int column) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> "true";
            case "false", "0" -> "false";
            default -> throw invalid(field, value, column, "boolean");
        };
    }

    /**
     * The wording Salesforce is reported to give a value its type cannot hold ("Failed to deserialize field at col 3.
     * Due to, 'x' is not a valid value for the type xsd:date"), not confirmed from its documentation.
     */
    private static SalesforceError invalid(FieldSchema field, String value, int column, String xsdType) {
        return new SalesforceError(400, "INVALID_FIELD", "Failed to deserialize field at col " + column + ". Due to, '"
                + value + "' is not a valid value for the type xsd:" + xsdType, List.of(field.name()));
    }
}
