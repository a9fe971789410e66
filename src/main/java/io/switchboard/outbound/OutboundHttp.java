package io.switchboard.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What every request the engine makes to another platform shares (the contact sync's deliveries, the referral
 * sends): it carries only the headers set for it, and the platform's answer is quoted short and on one line, since it
 * may be anything.
 */
public final class OutboundHttp {
    private static final int QUOTED = 200;

    private OutboundHttp() {
    }

    /** Drops every header, so that nothing of the engine's own (its event headers, Camel's) travels outward. */
    public static void clearHeaders(Message message) {
        Set.copyOf(message.getHeaders().keySet()).forEach(message::removeHeader);
    }

    /** The answer's status and the first 200 characters of its body, control characters blanked. */
    public static String quotedAnswer(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
        if (text.length() > QUOTED) {
            text = text.substring(0, QUOTED) + "...";
        }
        return status + (text.isEmpty() ? "" : " " + text.replaceAll("[\\p{Cntrl}]", " "));
    }
}
