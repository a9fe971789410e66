package io.switchboard.behaviours;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The call's ticket as created: the one an earlier attempt wrote, when the retry found it, else the one the route's
 * {@code createSObject} step just answered.
 */
public final class ReportCallTicket implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void process(Exchange exchange) throws IOException {
        CallTicket ticket = exchange.getProperty(CallTicket.PROPERTY, CallTicket.class);
        String written = exchange.getProperty(CallTicket.WRITTEN, String.class);
        String id = written != null ? written
                : JSON.readTree(exchange.getMessage().getBody(String.class)).path("id").asText();
        Outcomes.of(exchange).produced(ticket.sobject(), id, "created");
    }
}
