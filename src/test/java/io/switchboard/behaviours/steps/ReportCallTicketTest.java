package io.switchboard.behaviours.steps;

import static io.switchboard.behaviours.steps.StepExchanges.event;
import static io.switchboard.behaviours.steps.StepExchanges.exchangeFor;
import static io.switchboard.behaviours.steps.StepExchanges.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.switchboard.behaviours.CallTicket;
import io.switchboard.behaviours.ReportCallTicket;
import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call route's last step: the ticket it reports, from the createSObject answer or the retry's look-up. */
class ReportCallTicketTest {
    private final ReportCallTicket step = new ReportCallTicket();
    private Exchange exchange;

    @BeforeEach
    void composedTask() {
        exchange = exchangeFor(event(EventType.CALL, "call-inbound-answered"));
        exchange.setProperty(CallTicket.PROPERTY, new CallTicket("Task",
                JsonNodeFactory.instance.objectNode().put("Subject", "[xCALLY Ticket] Sales +393331234567"),
                Optional.of("CallObject")));
    }

    @Test
    void shouldReportTheTicketTheCreateStepAnswered() throws IOException {
        exchange.getMessage().setBody("{\"id\":\"00T000000000001AAA\",\"success\":true,\"errors\":[]}");
        step.process(exchange);
        assertEquals(List.of(new ProducedRecord("Task", "00T000000000001AAA", "created")), outcome(exchange).records());
        assertEquals(List.of(), outcome(exchange).warnings());
    }

    @Test
    void shouldReportTheTicketAnEarlierAttemptWroteWithoutReadingTheBody() throws IOException {
        exchange.setProperty(CallTicket.WRITTEN, "00T000000000002AAA");
        exchange.getMessage().setBody("{\"Subject\":\"the composed ticket, never sent\"}");
        step.process(exchange);
        assertEquals(List.of(new ProducedRecord("Task", "00T000000000002AAA", "created")), outcome(exchange).records());
    }

    @Test
    void shouldFailOnAnAnswerThatIsNotJson() {
        exchange.getMessage().setBody("<html>502 Bad Gateway</html>");
        assertThrows(JsonProcessingException.class, () -> step.process(exchange));
        assertEquals(List.of(), outcome(exchange).records());
    }
}
