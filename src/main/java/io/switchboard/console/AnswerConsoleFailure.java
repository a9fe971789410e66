package io.switchboard.console;

import io.switchboard.store.StoreException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whatever stopped a console request, answered as a page: the login page without a session, the refusal's sentence
 * with its status, 503 for an unreachable store, and 500 without internals for anything else.
 */
public final class AnswerConsoleFailure implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerConsoleFailure.class);

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ConsoleSessions.Session session = exchange.getProperty(ConsoleExchange.SESSION_PROPERTY, ConsoleSessions.Session.class);
        if (failure instanceof NotSignedIn) {
            // a page asked for is shown once signed in; a form sent without a session changes nothing
            boolean post = "POST".equals(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class));
            ConsoleExchange.page(exchange, post ? 403 : 200, LoginPage.render(post ? "Sign in first." : null));
        } else if (failure instanceof ConsoleRefusal refusal) {
            ConsoleExchange.page(exchange, refusal.status(), Layout.page("Refused", session,
                    Layout.message("error", refusal.getMessage())));
        } else if (failure instanceof StoreException) {
            LOG.error("Event store unavailable while answering {}", exchange.getFromRouteId(), failure);
            ConsoleExchange.page(exchange, 503, Layout.page("Unavailable", session,
                    Layout.message("error", "The event store cannot be reached; try again shortly.")));
        } else {
            LOG.error("Unexpected failure while answering {}", exchange.getFromRouteId(), failure);
            ConsoleExchange.page(exchange, 500, Layout.page("Error", session,
                    Layout.message("error", "Something went wrong; the engine's log says what.")));
        }
    }
}
