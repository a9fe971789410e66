package io.switchboard.console;

import io.switchboard.api.HttpRequestParts;
import io.switchboard.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * Signing in to the console with the API token, and the checks every other console request passes: a live session,
 * and on a state-changing request the session's CSRF token in the form.
 */
public final class ConsoleAuth {
    static final String FORM_PROPERTY = "switchboard.console.form";

    private final byte[] tokenDigest;
    private final ConsoleSessions sessions;
    private final LoginThrottle throttle;

    public ConsoleAuth(Secret apiToken, ConsoleSessions sessions, LoginThrottle throttle) {
        this.tokenDigest = apiToken == null ? null : digest(apiToken.reveal());
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** {@code POST /console/login}: the session cookie and a redirect to the console, or the login page again. */
    public void login(Exchange exchange) {
        String address = ConsoleExchange.remoteAddress(exchange);
        Optional<Duration> wait = throttle.waitFor(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ConsoleExchange.page(exchange, 429, LoginPage.render("Too many wrong tokens: try again in " + seconds
                    + " s."));
            return;
        }
        String given = ConsoleExchange.form(exchange).getOrDefault("token", "");
        // digests have equal lengths, so the constant-time comparison does not leak the token's length either
        if (tokenDigest != null && !MessageDigest.isEqual(digest(given), tokenDigest)) {
            throttle.failed(address);
            ConsoleExchange.page(exchange, 401, LoginPage.render("That is not the API token."));
            return;
        }
        throttle.succeeded(address);
        ConsoleSessions.Session session = sessions.start();
        ConsoleExchange.redirect(exchange, "/console");
        exchange.getMessage().setHeader("Set-Cookie", ConsoleExchange.SESSION_COOKIE + "=" + session.id()
                + "; Path=/console; HttpOnly; SameSite=Strict; Max-Age=" + ConsoleSessions.LONGEST.toSeconds()
                + (behindHttps(exchange) ? "; Secure" : ""));
    }

    /** Behind a proxy that ends TLS, the browser must never send the cookie over plain HTTP. */
    private static boolean behindHttps(Exchange exchange) {
        return "https".equalsIgnoreCase(HttpRequestParts.header(exchange, "X-Forwarded-Proto"));
    }

    /** {@code POST /console/logout}: the session ends and the browser forgets its cookie. */
    public void logout(Exchange exchange) {
        sessions.end(ConsoleExchange.session(exchange));
        ConsoleExchange.redirect(exchange, "/console");
        exchange.getMessage().setHeader("Set-Cookie", ConsoleExchange.SESSION_COOKIE
                + "=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    /** Every console page but the login: the session of the request's cookie, or {@link NotSignedIn}. */
    public void requireSession(Exchange exchange) {
        ConsoleSessions.Session session = ConsoleExchange.cookie(exchange, ConsoleExchange.SESSION_COOKIE)
                .flatMap(sessions::find).orElseThrow(NotSignedIn::new);
        exchange.setProperty(ConsoleExchange.SESSION_PROPERTY, session);
    }

    /** Every state-changing console request: the form's {@code csrf} field must be this session's token, else 403. */
    public void requireCsrfToken(Exchange exchange) {
        ConsoleSessions.Session session = ConsoleExchange.session(exchange);
        Map<String, String> form = ConsoleExchange.form(exchange);
        String given = form.getOrDefault("csrf", "");
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ConsoleRefusal(403, "This form was not sent from a page of your session (its CSRF token is "
                    + "missing or wrong). Open the page again and resend it.");
        }
        exchange.setProperty(FORM_PROPERTY, form);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> checkedForm(Exchange exchange) {
        Map<String, String> form = exchange.getProperty(FORM_PROPERTY, Map.class);
        if (form == null) {
            throw new IllegalStateException("a console form was read without the CSRF check");
        }
        return form;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
