package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.events.ConversationClosed;
import io.switchboard.mapping.ConversationClosedMapping;
import io.switchboard.mapping.EventVariables;
import io.switchboard.mapping.FitToFieldLengths;
import io.switchboard.mapping.Person;
import io.switchboard.salesforce.SalesforceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Plans the requests that write the conversation's Case: its fields (Subject, Origin and Status from the
 * configuration, the Subject cut to its field, the Contact, the agent's user as owner), then its comments and files
 * in order, packed into as few all-or-none {@code /composite} requests as Salesforce's limits allow. Leaves the
 * {@link CaseWrites} as {@value CaseWrites#PROPERTY}.
 */
public final class PlanCaseWrites implements Processor {
    private final Supplier<ConversationClosedMapping> mapping;
    private final ConnectionSteps steps;
    private final FitToFieldLengths fitToFieldLengths = new FitToFieldLengths();

    public PlanCaseWrites(Supplier<ConversationClosedMapping> mapping, ConnectionSteps steps) {
        this.mapping = mapping;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        SalesforceClient client = steps.client(exchange, ConversationExchange.CONNECTION);
        exchange.setProperty(CaseWrites.PROPERTY, CaseWrites.newCase(new Subrequests(client.connection().apiVersion()),
                caseFields(exchange, client), children(exchange)));
    }

    /** The Subject is cut before anything else reads it: a retry finds the Case by the Subject as written. */
    private ObjectNode caseFields(Exchange exchange, SalesforceClient client) {
        ConversationClosed event = ConversationExchange.event(exchange);
        ConversationUsers users = ConversationExchange.required(exchange, ConversationUsers.PROPERTY,
                ConversationUsers.class, "findConversationUsers");
        ObjectNode fields = mapping.get().caseFields(EventVariables.of(event));
        fitToFieldLengths.fit(steps.describe(client, "Case"), fields, ConversationExchange.outcome(exchange)::warn);
        fields.put("ContactId", ConversationExchange.required(exchange, FindConversationContact.PROPERTY, Person.class,
                "findConversationContact").id());
        fields.put("OwnerId", users.agentUserId());
        return fields;
    }

    static List<CaseChild> children(Exchange exchange) {
        CaseComments comments = ConversationExchange.required(exchange, CaseComments.PROPERTY, CaseComments.class,
                "composeComments");
        ConversationFiles files = ConversationExchange.required(exchange, ConversationFiles.PROPERTY,
                ConversationFiles.class, "loadAttachments");
        List<CaseChild> children = new ArrayList<>();
        for (CommentDraft comment : comments.comments()) {
            children.add(new CaseChild.Comment(comment));
        }
        for (LoadedFile file : files.files()) {
            children.add(new CaseChild.File(file, children.size() + 1));
        }
        return children;
    }
}
