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

/**
 * Reads the fields of one JSON object of an event into Java values. The event has passed its type's schema, so
 * which fields are there and what type each has is known; what is left here are the conversions the schema's syntax
 * admits but Java may not hold (an RFC 3339 timestamp with a space for its T, a URL whose host Java cannot read,
 * base64 of an impossible length, an identifier of 200 characters beyond Java's 200). Those note a problem under the field's full path, in the schema's words, and
 * return null; the caller discards the half-read event when any problem was noted.
 */
final class FieldReader {
    private static final int MAX_ID_LENGTH = 200;
    private static final String TIMESTAMP_EXPECTED =
            "must be an ISO-8601 timestamp with zone, e.g. 2026-11-20T10:01:07Z";
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

    String text(String name) {
        JsonNode value = value(name);
        return value == null ? null : value.asText();
    }

    /**
     * An identifier, which the store keeps in a column counted in Java's UTF-16 units: the schema's 200 characters
     * are code points, so 200 emoji would pass it at twice the length.
     */
    String id(String name) {
        String text = text(name);
        if (text != null && text.length() > MAX_ID_LENGTH) {
            problem(name, "must be at most " + MAX_ID_LENGTH + " characters");
            return null;
        }
        return text;
    }

    Instant timestamp(String name) {
        String text = text(name);
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

    LocalDate date(String name) {
        String text = text(name);
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

    Integer count(String name) {
        JsonNode value = value(name);
        return value == null ? null : value.asInt();
    }

    /** The attachment downloads connect to the host Java reads from the URL, so a URL it reads none from is refused. */
    String url(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            if (new URI(text).getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below like any other URL we cannot use
        }
        problem(name, "must be an http or https URL");
        return null;
    }

    String base64(String name) {
        String text = text(name);
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

    /** The object as JSON text, exactly as it was received. */
    String json() {
        return node.toString();
    }

    /** Whether the field is there and not JSON null. */
    boolean present(String name) {
        return value(name) != null;
    }

    /** Notes that the field is missing where the event's other fields make it required. */
    void required(String name, String why) {
        problem(name, "is required " + why);
    }

    /** An array of strings; an absent array has none. */
    List<String> texts(String name) {
        JsonNode value = value(name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; value != null && i < value.size(); i++) {
            texts.add(value.get(i).asText());
        }
        return Collections.unmodifiableList(texts);
    }

    /** The nested object; an absent one reads every field as absent. */
    FieldReader object(String name) {
        JsonNode value = value(name);
        return new FieldReader(value == null ? MissingNode.getInstance() : value, pathOf(name), problems);
    }

    /** The elements of an array of objects; an absent array has none. */
    List<FieldReader> array(String name) {
        JsonNode value = value(name);
        List<FieldReader> elements = new ArrayList<>();
        for (int i = 0; value != null && i < value.size(); i++) {
            elements.add(new FieldReader(value.get(i), pathOf(name) + "[" + i + "]", problems));
        }
        return elements;
    }

    /** An object of name → text; numbers and booleans are kept as their text, as platforms send both. */
    Map<String, String> textMap(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Map.of();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isNull()) {
                texts.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return Collections.unmodifiableMap(texts);
    }
}
