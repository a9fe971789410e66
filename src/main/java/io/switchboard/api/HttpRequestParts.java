package io.switchboard.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * Reads a request's values from the place each one belongs: path parameters from the route's URI template, query
 * parameters from the query string, HTTP headers from the request's headers. Camel's HTTP consumer would otherwise
 * merge all three (and form fields) into one map of message headers, so that a proxy's {@code Connection: close}
 * header was taken for the {@code connection} query parameter and a {@code ?Authorization=} query parameter for the
 * header. {@link RequestHeadersStayOut} keeps headers and query parameters out of that map, leaving only the
 * path parameters there.
 */
public final class HttpRequestParts {
    private HttpRequestParts() {
    }

    /** A path parameter of the route's URI, such as {@code {eventId}}; null when the route has none by that name. */
    public static String path(Exchange exchange, String name) {
        Object value = exchange.getMessage().getHeader(name);
        return value instanceof String text ? text : null;
    }

    /** A query parameter, decoded; given more than once, its first value (as servlets answer). */
    public static Optional<String> query(Exchange exchange, String name) {
        String query = exchange.getMessage().getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    /** An HTTP request header (names are case-insensitive); null when absent or outside an HTTP request. */
    public static String header(Exchange exchange, String name) {
        HttpMessage http = exchange.getIn(HttpMessage.class);
        return http == null ? null : http.getRequest().getHeader(name);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // a broken %-escape cannot name any parameter we read; keep it as sent
            return text;
        }
    }
}
