package io.switchboard.api;

import io.switchboard.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Lets a request through only with {@code Authorization: Bearer <SWITCHBOARD_API_TOKEN>}; any other is refused
 * with 401. With no token configured (insecure mode, refused at start-up otherwise) every request passes.
 */
public final class RequireApiToken implements Processor {
    private static final String BEARER = "Bearer ";
    private final byte[] expectedDigest;

    public RequireApiToken(Secret apiToken) {
        this.expectedDigest = apiToken == null ? null : digest(apiToken.reveal());
    }

    @Override
    public void process(Exchange exchange) {
        if (expectedDigest == null) {
            return;
        }
        String authorization = HttpRequestParts.header(exchange, "Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        String given = bearer ? authorization.substring(BEARER.length()).strip() : "";
        // digests have equal lengths, so the constant-time comparison does not leak the token's length either
        if (!MessageDigest.isEqual(digest(given), expectedDigest)) {
            throw ApiRefusal.unauthorized();
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
