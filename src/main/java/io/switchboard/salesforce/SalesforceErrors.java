package io.switchboard.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

/**
 * Reads what camel-salesforce raised into a {@link SalesforceApiException} with Salesforce's own status, errorCode,
 * message and fields, whichever operation made the call. No answer at all (refused connection, timeout, reset) is
 * status 0, {@code CONNECTION_FAILED}.
 */
final class SalesforceErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SalesforceErrors() {
    }

    static SalesforceApiException translate(Throwable e) {
        if (e instanceof SalesforceApiException already) {
            return already;
        }
        Throwable cause = e;
        while ((cause instanceof CamelExecutionException || cause instanceof RuntimeCamelException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SalesforceException sfe) {
            List<RestError> errors = sfe.getErrors();
            if (errors != null && !errors.isEmpty()) {
                RestError first = errors.get(0);
                return new SalesforceApiException(sfe.getStatusCode(), first.getErrorCode(), first.getMessage(),
                        first.getFields(), sfe);
            }
            return fromResponseBody(sfe);
        }
        return new SalesforceApiException(0, "CONNECTION_FAILED", String.valueOf(cause.getMessage()), List.of(), cause);
    }

    /**
     * With raw payloads Salesforce's error array stays unparsed: in the response content, or as the exception's
     * message.
     */
    private static SalesforceApiException fromResponseBody(SalesforceException sfe) {
        int status = sfe.getStatusCode();
        try (InputStream content = sfe.getResponseContent()) {
            JsonNode body = content != null ? JSON.readTree(content)
                    : sfe.getMessage() != null && sfe.getMessage().startsWith("[") ? JSON.readTree(sfe.getMessage())
                    : NullNode.getInstance();
            JsonNode first = body.isArray() ? body.path(0) : body;
            if (first.hasNonNull("errorCode")) {
                List<String> fields = JSON.convertValue(first.path("fields"),
                        JSON.getTypeFactory().constructCollectionType(List.class, String.class));
                return new SalesforceApiException(status, first.get("errorCode").asText(),
                        first.path("message").asText(), fields, sfe);
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // fall through: report the status alone
        }
        return new SalesforceApiException(status, "HTTP_" + status, String.valueOf(sfe.getMessage()), List.of(), sfe);
    }
}
