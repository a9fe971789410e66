package io.switchboard.behaviours.conversation;

import io.switchboard.events.EventOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Reports every record the Case's requests wrote (or an earlier attempt did), once all have succeeded. */
public final class ReportCaseWrites implements Processor {
    @Override
    public void process(Exchange exchange) {
        CaseWrites plan = ConversationExchange.required(exchange, CaseWrites.PROPERTY, CaseWrites.class, "planCaseWrites");
        EventOutcome outcome = ConversationExchange.outcome(exchange);
        plan.produced().forEach(record -> outcome.produced(record.sobject(), record.id(), record.action()));
    }
}
