package io.switchboard.console;

import io.switchboard.api.HttpRequestParts;
import io.vertx.core.MultiMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/** What the console reads from a request (its cookie, form fields, address) and how it answers (pages, redirects). */
final class ConsoleExchange {
    static final String SESSION_COOKIE = "switchboard_console";
    static final String SESSION_PROPERTY = "switchboard.console.session";
    /** The largest form the console reads: its forms hold a few short fields. */
    static final int LONGEST_FORM = 16 * 1024;
    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private ConsoleExchange() {
    }

    static Optional<String> cookie(Exchange exchange, String name) {
        String header = HttpRequestParts.header(exchange, "Cookie");
        if (header == null) {
            return Optional.empty();
        }
        for (String pair : header.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                return Optional.of(pair.substring(equals + 1).strip());
            }
        }
        return Optional.empty();
    }

    /**
     * The fields of a url-encoded form, as the HTTP server decoded them; a field given twice is kept as first given,
     * a form longer than the console's own forms is refused.
     */
    static Map<String, String> form(Exchange exchange) {
        Map<String, String> fields = new HashMap<>();
        HttpMessage http = exchange.getIn(HttpMessage.class);
        if (http == null) {
            return fields;
        }
        MultiMap attributes = http.getRequest().formAttributes();
        int length = 0;
        for (String name : attributes.names()) {
            String value = attributes.get(name);
            length += name.length() + value.length();
            if (length > LONGEST_FORM) {
                throw new ConsoleRefusal(413, "This form is longer than the console reads.");
            }
            fields.put(name, value);
        }
        return fields;
    }

    static String remoteAddress(Exchange exchange) {
        HttpMessage http = exchange.getIn(HttpMessage.class);
        if (http == null || http.getRequest().remoteAddress() == null) {
            return "unknown";
        }
        return http.getRequest().remoteAddress().hostAddress();
    }

    static ConsoleSessions.Session session(Exchange exchange) {
        ConsoleSessions.Session session = exchange.getProperty(SESSION_PROPERTY, ConsoleSessions.Session.class);
        if (session == null) {
            throw new IllegalStateException("a console page was reached without the session check");
        }
        return session;
    }

    static void page(Exchange exchange, int status, Html page) {
        answer(exchange, status, "text/html; charset=utf-8", page.toString(), PAGE_POLICY);
    }

    /** A page whose own scripts set styles inline (Swagger UI): the one place the policy allows inline styles. */
    static void pageWithInlineStyles(Exchange exchange, Html page) {
        answer(exchange, 200, "text/html; charset=utf-8", page.toString(),
                PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    }

    static void redirect(Exchange exchange, String location) {
        answer(exchange, 303, null, null, null);
        exchange.getMessage().setHeader("Location", location);
    }

    static void answer(Exchange exchange, int status, String contentType, Object body, String policy) {
        Message message = exchange.getMessage();
        // nothing the browser sent (its cookie, a form field) is echoed back as a header
        Set<String> names = new HashSet<>(message.getHeaders().keySet());
        names.forEach(message::removeHeader);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType != null) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        message.setHeader("Cache-Control", "no-store");
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setHeader("X-Frame-Options", "DENY");
        if (policy != null) {
            message.setHeader("Content-Security-Policy", policy);
        }
        message.setBody(body);
    }
}
