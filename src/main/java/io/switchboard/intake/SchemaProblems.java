package io.switchboard.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.switchboard.api.FieldProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Words the rules an event breaks as intake's problems: the field by its path ({@code messages[2].sentAt}) and what
 * was expected. A rule whose schema object has an {@code errorMessage} for its keyword is answered with those words,
 * as written (the validator's own rendering would read them as message patterns and drop apostrophes); the others
 * with the sentence their keyword and value make.
 */
final class SchemaProblems {
    static final String ERROR_MESSAGE = "errorMessage";

    private SchemaProblems() {
    }

    /**
     * One problem per field, the first the schema finds ("must not be blank" and "at most 200" say the same), in the
     * order the schema declares the fields, which is the order an event is written in: the validator reports missing
     * fields after the others.
     */
    static List<FieldProblem> of(List<Error> errors, JsonNode schemaDocument) {
        Map<List<Object>, Error> byField = new LinkedHashMap<>();
        for (Error error : errors) {
            byField.putIfAbsent(steps(error), error);
        }
        List<List<Object>> fields = new ArrayList<>(byField.keySet());
        fields.sort(Comparator.comparing(field -> declarationOrder(field, schemaDocument), SchemaProblems::compare));
        return fields.stream().map(field -> new FieldProblem(path(field), message(byField.get(field), schemaDocument)))
                .toList();
    }

    /** The field's path as names and indexes; a missing field is named by the object that lacks it. */
    private static List<Object> steps(Error error) {
        NodePath location = error.getInstanceLocation();
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            steps.add(location.getElement(i));
        }
        if ("required".equals(error.getKeyword())) {
            steps.add(error.getProperty());
        }
        return steps;
    }

    /** Each step's place among its object's declared properties, or its array index. */
    private static List<Integer> declarationOrder(List<Object> steps, JsonNode schemaDocument) {
        List<Integer> order = new ArrayList<>();
        JsonNode schema = schemaDocument;
        for (Object step : steps) {
            if (step instanceof Integer index) {
                order.add(index);
                schema = schema.path("items");
            } else {
                order.add(indexOf(schema.path("properties"), String.valueOf(step)));
                schema = schema.path("properties").path(String.valueOf(step));
            }
        }
        return order;
    }

    private static int indexOf(JsonNode properties, String name) {
        int index = 0;
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); index++) {
            if (names.next().equals(name)) {
                return index;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int compare(List<Integer> first, List<Integer> second) {
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
            int step = Integer.compare(first.get(i), second.get(i));
            if (step != 0) {
                return step;
            }
        }
        return Integer.compare(first.size(), second.size());
    }

    /** A JSON null is how several platforms leave a field out, so a null where a value is required is missing. */
    private static String message(Error error, JsonNode schemaDocument) {
        if ("type".equals(error.getKeyword()) && error.getInstanceNode() != null && error.getInstanceNode().isNull()
                && lastIsName(error.getInstanceLocation())) {
            return "is required";
        }
        JsonNode written = ruleOwner(error, schemaDocument).path(ERROR_MESSAGE).path(error.getKeyword());
        return written.isTextual() ? written.asText() : standard(error);
    }

    private static String standard(Error error) {
        JsonNode value = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "required" -> "is required";
            case "type" -> "must be " + typeName(value);
            case "enum" -> "must be one of " + String.join(", ",
                    StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).toList());
            case "const" -> "must be " + value.asText();
            case "minItems" -> value.asInt() == 1 ? "must hold at least one element"
                    : "must hold at least " + value.asInt() + " elements";
            case "maxLength" -> "must be at most " + value.asInt() + " characters";
            case "minLength" -> "must be at least " + value.asInt() + " characters";
            case "minimum" -> "must be " + value.asText() + " or more";
            case "maximum" -> "must be " + value.asText() + " or less";
            case "format" -> "must be a valid " + value.asText();
            case "pattern" -> "must match the pattern " + value.asText();
            default -> error.getMessage();
        };
    }

    /** The type a value should have had; null is left out, as it only ever stands for "absent". */
    private static String typeName(JsonNode type) {
        String name = type.isArray() ? StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText)
                .filter(t -> !t.equals("null")).findFirst().orElse("null") : type.asText();
        return switch (name) {
            case "object" -> "an object";
            case "array" -> "an array";
            case "integer" -> "a whole number";
            default -> "a " + name;
        };
    }

    /** The schema object whose keyword was broken: the error's location without its last step (the keyword). */
    private static JsonNode ruleOwner(Error error, JsonNode schemaDocument) {
        NodePath fragment = error.getSchemaLocation().getFragment();
        JsonNode node = schemaDocument;
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            Object step = fragment.getElement(i);
            node = step instanceof Integer index ? node.path(index) : node.path(String.valueOf(step));
        }
        return node;
    }

    /** {@code /messages/2/sentAt} as problems name it: {@code messages[2].sentAt}; the event itself is "body". */
    private static String path(List<Object> steps) {
        StringBuilder path = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(step);
            }
        }
        return path.length() == 0 ? EventParser.BODY : path.toString();
    }

    private static boolean lastIsName(NodePath location) {
        return location.getNameCount() > 0 && !(location.getElement(location.getNameCount() - 1) instanceof Integer);
    }
}
