package io.switchboard.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.switchboard.config.EngineOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Answers a body over the size limit with JSON like every other refusal. The HTTP server refuses it before any
 * route runs, so the answer is set on the server's router itself.
 */
public final class AnswerTooLarge {
    private static final int PAYLOAD_TOO_LARGE = 413;

    private AnswerTooLarge() {
    }

    /** Call once the HTTP server has started. */
    public static void register(CamelContext context, int port, long maxBodyBytes) {
        String body = JsonNodeFactory.instance.objectNode().put("error", "payload_too_large")
                .put("message", "the body is larger than the " + maxBodyBytes + " bytes allowed ("
                        + EngineOptions.MAX_BODY_BYTES.envName() + ")").toString();
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(port));
        router.route().failureHandler(routing -> {
            if (routing.statusCode() == PAYLOAD_TOO_LARGE && !routing.response().ended()) {
                routing.response().setStatusCode(PAYLOAD_TOO_LARGE).putHeader("Content-Type", "application/json").end(body);
            } else {
                routing.next();
            }
        });
    }
}
