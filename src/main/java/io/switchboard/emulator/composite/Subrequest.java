package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One subrequest of a composite or graph request, as sent: references are still unresolved.
 *
 * @param httpHeaders extra request headers, names in lower case
 */
record Subrequest(String method, String url, String referenceId, JsonNode body, Map<String, String> httpHeaders) {
    private static final Set<String> PROPERTIES = Set.of("method", "url", "referenceId", "body", "httpHeaders");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");

    Subrequest {
        httpHeaders = Map.copyOf(httpHeaders);
    }

    static Subrequest parse(JsonNode node) {
        ObjectNode object = RequestJson.strictObject(node, "a subrequest", PROPERTIES);
        String method = RequestJson.requiredText(object, "method");
        if (!METHODS.contains(method)) {
            throw CompositeErrors.jsonParser("Unsupported method \"" + method + "\": use DELETE, GET, PATCH, POST or PUT");
        }
        String referenceId = RequestJson.requiredText(object, "referenceId");
        if (!REFERENCE_ID.matcher(referenceId).matches()) {
            throw CompositeErrors.illegalReferenceId(referenceId);
        }
        return new Subrequest(method, RequestJson.requiredText(object, "url"), referenceId, object.get("body"),
                headers(object.get("httpHeaders")));
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return headers;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = RequestJson.object(node, "httpHeaders").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            headers.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue().asText());
        }
        return headers;
    }
}
