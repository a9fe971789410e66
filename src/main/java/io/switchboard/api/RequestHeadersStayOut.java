package io.switchboard.api;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * The header filter of every {@code platform-http} endpoint: nothing a client sends as an HTTP header, query
 * parameter or form field becomes a Camel message header. Only the path parameters of the route's URI (and Camel's
 * own request details) are left there, so the steps read every other value from its own place through
 * {@link HttpRequestParts} and no name can stand for two things.
 */
public final class RequestHeadersStayOut extends DefaultHeaderFilterStrategy {
    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }
}
