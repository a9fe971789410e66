package io.switchboard.behaviours.conversation;

import static io.switchboard.behaviours.steps.StepExchanges.event;
import static io.switchboard.behaviours.steps.StepExchanges.exchangeFor;
import static io.switchboard.behaviours.steps.StepExchanges.outcome;
import static io.switchboard.behaviours.steps.StepExchanges.shippedMappings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import io.switchboard.mapping.ConversationClosedMapping;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation route's loop body after its composite step, and its last step: what an answered request wrote,
 * and the report once all are answered. A refused request needs the connection (to forget a describe or a stale
 * Contact) and is left to the route tests against the emulator.
 */
class CaseWriteAnswersTest {
    private static final ConversationClosedMapping SHIPPED = shippedMappings().conversationClosed();
    private static final String CASE_CREATED = """
            {"referenceId":"case","httpStatusCode":201,"body":{"id":"500000000000001AAA","success":true,"errors":[]}}""";
    private static final String COMMENTS_CREATED = """
            {"referenceId":"comments1","httpStatusCode":200,"body":[
              {"id":"00a000000000001AAA","success":true,"errors":[]},
              {"id":"00a000000000002AAA","success":true,"errors":[]}]}""";

    /** Only a refused request reaches Salesforce through it. */
    private final ReadCaseWrite read = new ReadCaseWrite(() -> SHIPPED, null);
    private Exchange exchange;
    private CaseWrites plan;

    @BeforeEach
    void planCaseAndTwoComments() {
        exchange = exchangeFor(event(EventType.CONVERSATION_CLOSED, "conversation-closed"));
        plan = CaseWrites.newCase(new Subrequests("62.0"),
                JsonNodeFactory.instance.objectNode().put("Subject", "+393331234567 [1793]"), List.of(
                        new CaseChild.Comment(new CommentDraft("Hello", Instant.parse("2026-11-20T10:01:07Z"), "005C")),
                        new CaseChild.Comment(new CommentDraft("Hi", Instant.parse("2026-11-20T10:02:41Z"), "005A"))));
        exchange.setProperty(CaseWrites.PROPERTY, plan);
    }

    private void answered(String... results) {
        exchange.getMessage().setBody("{\"compositeResponse\":[" + String.join(",", results) + "]}");
    }

    @Test
    void shouldTakeTheCaseAndItsCommentsFromTheAnswerAndEndTheLoop() throws IOException {
        answered(CASE_CREATED, COMMENTS_CREATED);
        read.process(exchange);
        assertTrue(plan.done());
        assertEquals(Optional.of("500000000000001AAA"), plan.caseId());
        assertEquals(List.of(), outcome(exchange).records(), "nothing is reported until every request is answered");

        new ReportCaseWrites().process(exchange);
        assertEquals(List.of(new ProducedRecord("Case", "500000000000001AAA", "created"),
                new ProducedRecord("CaseComment", "00a000000000001AAA", "created"),
                new ProducedRecord("CaseComment", "00a000000000002AAA", "created")), outcome(exchange).records());
    }

    @Test
    void shouldRefuseToRunBeforeTheWritesArePlanned() {
        exchange.removeProperty(CaseWrites.PROPERTY);
        answered(CASE_CREATED, COMMENTS_CREATED);
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> read.process(exchange));
        assertEquals("exchange property switchboardCaseWrites is missing: the route must call planCaseWrites first",
                failure.getMessage());
    }
}
