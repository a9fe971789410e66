package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers of earlier subrequests, by referenceId, and the substitution of {@code @{refId.field[0].nested}}
 * references in later urls and bodies. Field names are matched case-sensitively, as Salesforce does
 * ({@code @{ref.Id}} does not find the {@code id} of a create answer).
 */
final class References {
    private static final Pattern REFERENCE = Pattern.compile("@\\{([^}]*)}");
    private static final Pattern EXPRESSION = Pattern.compile("([A-Za-z0-9_]+)((?:\\.[^.\\[\\]]+|\\[\\d{1,9}])*)");
    private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d{1,9})]");

    private final Map<String, JsonNode> answers = new HashMap<>();

    void remember(String referenceId, JsonNode answer) {
        answers.put(referenceId, answer);
    }

    /** The text with every reference replaced by the value it names. */
    String resolveText(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            JsonNode value = valueOf(matcher.group(1));
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value.isNull() ? "" : value.asText()));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /** A copy of the body with references resolved; a string that is one whole reference takes the value's type. */
    JsonNode resolveBody(JsonNode body) {
        if (body == null) {
            return null;
        }
        if (body.isTextual()) {
            return resolveString(body.textValue());
        }
        if (body.isObject()) {
            return resolveObject((ObjectNode) body);
        }
        if (body.isArray()) {
            ArrayNode copy = Json.array();
            body.forEach(element -> copy.add(resolveBody(element)));
            return copy;
        }
        return body;
    }

    private JsonNode resolveString(String text) {
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches()) {
            return valueOf(whole.group(1));
        }
        return JsonNodeFactory.instance.textNode(resolveText(text));
    }

    private ObjectNode resolveObject(ObjectNode object) {
        ObjectNode copy = Json.object();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            copy.set(field.getKey(), resolveBody(field.getValue()));
        }
        return copy;
    }

    private JsonNode valueOf(String expression) {
        Matcher parts = EXPRESSION.matcher(expression);
        String referenceId = leadingName(expression);
        if (!parts.matches() || !answers.containsKey(referenceId)) {
            throw new UnresolvedReference(expression, referenceId);
        }
        JsonNode value = walk(answers.get(referenceId), parts.group(2));
        if (value == null || value.isContainerNode() || value.isMissingNode()) {
            throw new UnresolvedReference(expression, referenceId);
        }
        return value;
    }

    private static JsonNode walk(JsonNode start, String steps) {
        JsonNode current = start;
        Matcher step = STEP.matcher(steps);
        while (current != null && step.find()) {
            current = step.group(1) != null ? fieldOf(current, step.group(1)) : elementOf(current, step.group(2));
        }
        return current;
    }

    private static JsonNode fieldOf(JsonNode node, String name) {
        return node.isObject() ? node.get(name) : null;
    }

    private static JsonNode elementOf(JsonNode node, String index) {
        return node.isArray() ? node.get(Integer.parseInt(index)) : null;
    }

    private static String leadingName(String expression) {
        int end = 0;
        while (end < expression.length() && expression.charAt(end) != '.' && expression.charAt(end) != '[') {
            end++;
        }
        return expression.substring(0, end);
    }
}
