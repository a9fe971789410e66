package io.switchboard.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes an API answer. Every header on the message is dropped first: platform-http would otherwise send the
 * request's headers (Authorization among them) back to the caller.
 */
final class JsonAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswer() {
    }

    static void write(Exchange exchange, int status, JsonNode body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            message.setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }
}
