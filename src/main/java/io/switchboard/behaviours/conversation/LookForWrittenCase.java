package io.switchboard.behaviours.conversation;

import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.behaviours.EventAttempt;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a retry, looks for the Case an earlier attempt wrote (its answer may have been lost) and the comments and files
 * under it; found, the plan becomes the completion of that Case, writing only what is missing, in order. The first
 * attempt spends no call on looking.
 */
public final class LookForWrittenCase implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(LookForWrittenCase.class);

    private final ConnectionSteps steps;
    private final WrittenCaseQuery query = new WrittenCaseQuery();

    public LookForWrittenCase(ConnectionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        EventAttempt attempt = EventAttempt.of(exchange);
        if (!attempt.retry()) {
            return;
        }
        CaseWrites plan = ConversationExchange.required(exchange, CaseWrites.PROPERTY, CaseWrites.class, "planCaseWrites");
        List<CaseChild> children = PlanCaseWrites.children(exchange);
        query.find(steps.client(exchange, ConversationExchange.CONNECTION), plan.caseFields(), attempt, children)
                .ifPresent(written -> {
                    CaseWrites completion = plan.completing(written, children);
                    LOG.info("Case {} was written by an earlier attempt; {} request(s) write what is still missing",
                            written.id(), completion.remainingRequests());
                    exchange.setProperty(CaseWrites.PROPERTY, completion);
                });
    }
}
