package io.switchboard.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes JSON answers on the HTTP API. Every incoming header is dropped first, so nothing a caller sent (a token,
 * a form field Camel turned into a header) is ever echoed back.
 */
public final class JsonAnswers {
    /** Also reads request bodies: a field given twice is refused rather than letting the last one win. */
    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonAnswers() {
    }

    public static void write(Exchange exchange, int status, Object body) {
        write(exchange, status, body, "application/json");
    }

    /** A JSON answer of a more precise media type, such as {@code application/schema+json}. */
    public static void write(Exchange exchange, int status, Object body, String mediaType) {
        Message message = exchange.getMessage();
        Set<String> names = new HashSet<>(message.getHeaders().keySet());
        names.forEach(message::removeHeader);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (body == null) {
            message.setBody(null);
            return;
        }
        message.setHeader(Exchange.CONTENT_TYPE, mediaType);
        try {
            message.setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be written as JSON", e);
        }
    }

    public static ObjectNode object(String key, String value) {
        return JSON.createObjectNode().put(key, value);
    }
}
