package io.switchboard.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Converts event values to the JSON Salesforce expects for a field type: datetimes as
 * {@code 2026-11-20T10:01:07.000+0000} in UTC, dates as {@code yyyy-MM-dd}, numbers and booleans as JSON.
 */
public final class SalesforceValues {
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ANSWERED_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT);

    private SalesforceValues() {
    }

    public static String datetime(Instant instant) {
        return DATETIME.format(instant);
    }

    /** A datetime as Salesforce answers it, such as {@code 2026-11-20T10:01:07.000+0000}. */
    public static Instant instant(String datetime) {
        return OffsetDateTime.parse(datetime, ANSWERED_DATETIME).toInstant();
    }

    public static String date(LocalDate date) {
        return date.toString();
    }

    /**
     * The JSON for {@code value} in a field of describe type {@code type}; with no type known, the value's own
     * type decides (instants become datetimes, dates stay dates, numbers stay numbers).
     *
     * @throws MappingException naming the field and the expected form when the value does not convert
     */
    public static JsonNode convert(String field, String type, Object value) {
        String kind = type == null ? kindOf(value) : type.toLowerCase(Locale.ROOT);
        try {
            return switch (kind) {
                case "datetime" -> TextNode.valueOf(datetime(toInstant(value)));
                case "date" -> TextNode.valueOf(date(toDate(value)));
                case "int" -> IntNode.valueOf(toInt(value));
                case "double", "currency", "percent" -> DoubleNode.valueOf(toDouble(value));
                case "boolean" -> BooleanNode.valueOf(toBoolean(value));
                default -> TextNode.valueOf(ValueSource.asText(value));
            };
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            throw new MappingException("field " + field + " expects " + expected(kind) + ", got '" + value + "'");
        }
    }

    private static String kindOf(Object value) {
        if (value instanceof Instant) {
            return "datetime";
        }
        if (value instanceof LocalDate) {
            return "date";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "int";
        }
        if (value instanceof Number) {
            return "double";
        }
        return value instanceof Boolean ? "boolean" : "string";
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(value.toString().strip()).toInstant();
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Instant instant) {
            return instant.atZone(ZoneOffset.UTC).toLocalDate();
        }
        String text = value.toString().strip();
        return text.length() == 10 ? LocalDate.parse(text) : toInstant(text).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static int toInt(Object value) {
        if (value instanceof Number number) {
            return Math.toIntExact(number.longValue());
        }
        return Integer.parseInt(value.toString().strip());
    }

    private static double toDouble(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.parseDouble(value.toString().strip());
    }

    private static boolean toBoolean(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = value.toString().strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new NumberFormatException(text);
    }

    private static String expected(String kind) {
        return switch (kind) {
            case "datetime" -> "a date and time such as 2026-11-20T10:01:07Z";
            case "date" -> "a date such as 2026-11-20";
            case "int" -> "a whole number";
            case "double", "currency", "percent" -> "a number";
            case "boolean" -> "true or false";
            default -> "text";
        };
    }
}
