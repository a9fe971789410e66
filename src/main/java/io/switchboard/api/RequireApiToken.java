package io.switchboard.api;

import io.switchboard.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Lets a request through only with {@code Authorization: Bearer <SWITCHBOARD_API_TOKEN>}; otherwise answers
 * 401 and stops the route. The comparison takes the same time whatever the token, so timing reveals nothing.
 */
public final class RequireApiToken implements Processor {
    private static final String PREFIX = "Bearer ";
    private final byte[] expected;

    /** @param token null only when the engine runs insecure, in which case every request passes */
    public RequireApiToken(Secret token) {
        this.expected = token == null ? null : token.reveal().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void process(Exchange exchange) {
        if (expected == null || authorised(exchange.getMessage().getHeader("Authorization", String.class))) {
            exchange.getMessage().removeHeader("Authorization");
            return;
        }
        JsonAnswers.write(exchange, 401, JsonAnswers.object("error", "unauthorized"));
        exchange.setRouteStop(true);
    }

    private boolean authorised(String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given = header.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }
}
