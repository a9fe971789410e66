package io.switchboard.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.switchboard.api.FieldProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object into Java values, noting every problem under the field's full path instead
 * of stopping at the first, so that a caller learns everything wrong with an event from one answer. A read that
 * finds a problem returns null; the caller discards the half-read event when any problem was noted.
 */
final class FieldReader {
    static final int MAX_ID_LENGTH = 200;
    /** Salesforce's email fields hold 80 characters; a longer address cut short would be another address. */
    static final int MAX_EMAIL_LENGTH = 80;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final String TIMESTAMP_EXPECTED = "must be an ISO-8601 timestamp with zone, e.g. 2026-11-20T10:01:07Z";
    private static final String DATE_EXPECTED = "must be a date as yyyy-MM-dd, e.g. 2026-10-02";

    private final JsonNode node;
    private final String path;
    private final List<FieldProblem> problems;

    private FieldReader(JsonNode node, String path, List<FieldProblem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** A reader over the event's top-level object, noting problems in {@code problems}. */
    static FieldReader root(JsonNode node, List<FieldProblem> problems) {
        return new FieldReader(node, "", problems);
    }

    private static FieldReader silent(String path) {
        return new FieldReader(MissingNode.getInstance(), path, new ArrayList<>());
    }

    private String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void problem(String name, String message) {
        problems.add(new FieldProblem(pathOf(name), message));
    }

    /** The field's value, or null when it is absent or JSON null; an absent object reads as all fields absent. */
    private JsonNode value(String name) {
        JsonNode value = node.path(name);
        return value.isMissingNode() || value.isNull() ? null : value;
    }

    private JsonNode required(String name) {
        JsonNode value = value(name);
        if (value == null) {
            problem(name, "is required");
        }
        return value;
    }

    String requiredText(String name) {
        return text(name, required(name), true);
    }

    /** Present and a string, but possibly empty. */
    String requiredTextMayBeEmpty(String name) {
        return text(name, required(name), false);
    }

    String optionalText(String name) {
        return text(name, value(name), false);
    }

    private String text(String name, JsonNode value, boolean required) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(name, "must be a string");
            return null;
        }
        if (required && value.asText().isBlank()) {
            problem(name, "must not be blank");
            return null;
        }
        return value.asText();
    }

    /** An identifier that becomes part of the idempotency key, so it is kept to a sensible length. */
    String requiredId(String name) {
        String id = requiredText(name);
        if (id != null && id.length() > MAX_ID_LENGTH) {
            problem(name, "must be at most " + MAX_ID_LENGTH + " characters");
            return null;
        }
        return id;
    }

    String optionalMatching(String name, Pattern pattern, String expected) {
        String text = optionalText(name);
        if (text != null && !pattern.matcher(text).matches()) {
            problem(name, expected);
            return null;
        }
        return text;
    }

    String requiredOneOf(String name, List<String> allowed) {
        String value = requiredText(name);
        if (value != null && !allowed.contains(value)) {
            problem(name, "must be one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    Instant requiredTimestamp(String name) {
        return timestamp(name, requiredText(name));
    }

    Instant optionalTimestamp(String name) {
        return timestamp(name, optionalText(name));
    }

    private Instant timestamp(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            problem(name, TIMESTAMP_EXPECTED);
            return null;
        }
    }

    LocalDate optionalDate(String name) {
        String text = optionalText(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            problem(name, DATE_EXPECTED);
            return null;
        }
    }

    Integer optionalCount(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            problem(name, "must be a whole number, 0 or more");
            return null;
        }
        return value.asInt();
    }

    String requiredPhone(String name) {
        return phone(name, requiredText(name));
    }

    String optionalPhone(String name) {
        return phone(name, optionalText(name));
    }

    /**
     * Phone numbers are searched in Salesforce; refusing anything but the characters numbers are written with keeps
     * query syntax out of them at the edge (the search steps escape them as well).
     */
    private String phone(String name, String text) {
        if (text != null && (!PHONE.matcher(text).matches() || text.chars().filter(Character::isDigit).count() < 3)) {
            problem(name, "must be a phone number: digits, spaces and + ( ) - . / only, e.g. +39 333 123 4567");
            return null;
        }
        return text;
    }

    String requiredEmail(String name) {
        return email(name, requiredText(name));
    }

    String optionalEmail(String name) {
        return email(name, optionalText(name));
    }

    private String email(String name, String text) {
        if (text != null && !EMAIL.matcher(text).matches()) {
            problem(name, "must be an email address, e.g. agent@example.com");
            return null;
        }
        if (text != null && text.length() > MAX_EMAIL_LENGTH) {
            problem(name, "must be at most " + MAX_EMAIL_LENGTH + " characters, as Salesforce's email fields are");
            return null;
        }
        return text;
    }

    String optionalUrl(String name) {
        String text = optionalText(name);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below like any other URL we cannot use
        }
        problem(name, "must be an http or https URL");
        return null;
    }

    String optionalBase64(String name) {
        String text = optionalText(name);
        if (text == null) {
            return null;
        }
        try {
            Base64.getDecoder().decode(text.replaceAll("\\s", ""));
            return text;
        } catch (IllegalArgumentException e) {
            problem(name, "must be base64-encoded content");
            return null;
        }
    }

    /**
     * The nested object. When it is absent or not an object, that one problem is noted and the reader returned
     * reads every field as absent without noting more: "agent is required" says it all.
     */
    FieldReader requiredObject(String name) {
        return object(name, required(name));
    }

    FieldReader optionalObject(String name) {
        return object(name, value(name));
    }

    private FieldReader object(String name, JsonNode value) {
        if (value != null && !value.isObject()) {
            problem(name, "must be an object");
            value = null;
        }
        return value == null ? silent(pathOf(name)) : new FieldReader(value, pathOf(name), problems);
    }

    List<FieldReader> requiredNonEmptyArray(String name) {
        JsonNode value = required(name);
        List<FieldReader> elements = array(name, value);
        if (value != null && value.isArray() && elements.isEmpty()) {
            problem(name, "must hold at least one element");
        }
        return elements;
    }

    List<FieldReader> optionalArray(String name) {
        return array(name, value(name));
    }

    private List<FieldReader> array(String name, JsonNode value) {
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            problem(name, "must be an array");
            return List.of();
        }
        List<FieldReader> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String elementPath = pathOf(name) + "[" + i + "]";
            JsonNode element = value.get(i);
            if (element.isObject()) {
                elements.add(new FieldReader(element, elementPath, problems));
            } else {
                problems.add(new FieldProblem(elementPath, "must be an object"));
                elements.add(silent(elementPath));
            }
        }
        return elements;
    }

    /** An object of name → text; numbers and booleans are kept as their text, as platforms send both. */
    Map<String, String> optionalTextMap(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            problem(name, "must be an object of names to values");
            return Map.of();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                texts.put(entry.getKey(), entry.getValue().asText());
            } else if (!entry.getValue().isNull()) {
                problems.add(new FieldProblem(pathOf(name) + "." + entry.getKey(), "must be a string, number or boolean"));
            }
        });
        return Collections.unmodifiableMap(texts);
    }

    /** Notes a problem with a field that depends on another, such as "url or dataBase64". */
    void requireOneOf(String first, String second) {
        if (value(first) == null && value(second) == null) {
            problem(first, "is required when " + second + " is absent");
        }
    }
}
