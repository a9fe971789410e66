package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.behaviours.EventAttempt;
import io.switchboard.events.ConversationClosed;
import io.switchboard.events.EventOutcome;
import io.switchboard.events.ProducedRecord;
import io.switchboard.mapping.ConversationClosedMapping;
import io.switchboard.mapping.EventVariables;
import io.switchboard.mapping.FitToFieldLengths;
import io.switchboard.mapping.Person;
import io.switchboard.mapping.StalePersonMatch;
import io.switchboard.events.EventHold;
import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.salesforce.SalesforceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;

/**
 * Writes the Case with its comments and files in all-or-none {@code /composite} requests, each one API call: the
 * first creates the Case and as many children as fit (comments 200 to an sObject collection), referring to it as
 * {@code @{case.id}}; more children go in further requests with the Case's id. On a retry it first looks for the
 * Case an earlier attempt wrote (whose answer may have been lost) and writes only the children that are not under
 * it yet, in order. Reports every record to the event's
 * outcome once all requests have succeeded.
 */
public final class WriteCaseWithComments implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(WriteCaseWithComments.class);
    private static final String CASE_REFERENCE = "case";
    /** Without it, Case assignment rules could hand the Case to someone other than the agent. */
    private static final Map<String, String> KEEP_OWNER = Map.of("Sforce-Auto-Assign", "FALSE");

    private final Supplier<ConversationClosedMapping> mapping;
    private final ConnectionSteps steps;
    private final FindWrittenCase findWrittenCase = new FindWrittenCase();
    private final FitToFieldLengths fitToFieldLengths = new FitToFieldLengths();

    public WriteCaseWithComments(Supplier<ConversationClosedMapping> mapping, ConnectionSteps steps) {
        this.mapping = mapping;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        SalesforceClient client = steps.forConnection(exchange, ConversationExchange.CONNECTION).client();
        Subrequests subrequests = new Subrequests(client.connection().apiVersion());
        ObjectNode caseFields = caseFields(exchange, client);
        List<CaseChild> children = children(exchange);
        EventAttempt attempt = EventAttempt.of(exchange);
        Optional<WrittenCase> written = attempt.retry()
                ? findWrittenCase.find(client, caseFields, attempt, children) : Optional.empty();
        List<ProducedRecord> produced = written.isPresent()
                ? completeCase(client, subrequests, written.get(), children)
                : writeCase(client, subrequests, caseFields, children, contact(exchange));
        EventOutcome outcome = ConversationExchange.outcome(exchange);
        produced.forEach(record -> outcome.produced(record.sobject(), record.id(), record.action()));
    }

    private List<ProducedRecord> writeCase(SalesforceClient client, Subrequests subrequests, ObjectNode caseFields,
                                           List<CaseChild> children, Person contact) {
        List<List<CaseWrite>> batches = CompositeBatches.withCase(children);
        List<ObjectNode> first = new ArrayList<>();
        first.add(subrequests.create("Case", CASE_REFERENCE, caseFields, KEEP_OWNER));
        first.addAll(CompositeBatches.subrequestsOf(batches.get(0), subrequests, "@{" + CASE_REFERENCE + ".id}"));
        Map<String, JsonNode> bodies;
        try {
            bodies = send(client, first);
        } catch (SalesforceApiException e) {
            // the Contact may have been remembered from an earlier event and deleted or merged since
            throw StalePersonMatch.check(e, contact, List.of("ContactId"), steps.findPerson(client));
        }
        String caseId = bodies.get(CASE_REFERENCE).path("id").asText();
        List<ProducedRecord> produced = new ArrayList<>();
        produced.add(new ProducedRecord("Case", caseId, "created"));
        batches.get(0).forEach(write -> produced.addAll(write.produced(bodies)));
        produced.addAll(writeUnder(client, subrequests, caseId, batches.subList(1, batches.size())));
        return produced;
    }

    /** The Case and the children found under it count as this event's; the others are written now. */
    private List<ProducedRecord> completeCase(SalesforceClient client, Subrequests subrequests, WrittenCase written,
                                              List<CaseChild> children) {
        List<ProducedRecord> produced = new ArrayList<>();
        produced.add(new ProducedRecord("Case", written.id(), "created"));
        List<CaseChild> missing = new ArrayList<>();
        for (CaseChild child : children) {
            child.claimWritten(written.children()).ifPresentOrElse(produced::addAll, () -> missing.add(child));
        }
        LOG.info("Case {} was written by an earlier attempt; {} of its {} comments and files are still to write",
                written.id(), missing.size(), children.size());
        produced.addAll(writeUnder(client, subrequests, written.id(), CompositeBatches.underCase(missing)));
        return produced;
    }

    private List<ProducedRecord> writeUnder(SalesforceClient client, Subrequests subrequests, String caseId,
                                            List<List<CaseWrite>> batches) {
        List<ProducedRecord> produced = new ArrayList<>();
        for (List<CaseWrite> batch : batches) {
            try {
                Map<String, JsonNode> bodies = send(client, CompositeBatches.subrequestsOf(batch, subrequests, caseId));
                batch.forEach(write -> produced.addAll(write.produced(bodies)));
            } catch (SalesforceApiException e) {
                // a held event (login refused, allowance spent) comes back like a retried one and completes the Case
                if (!e.transientFailure() && !(e instanceof EventHold)) {
                    deleteIncompleteCase(client, caseId, e);
                }
                throw e;
            }
        }
        return produced;
    }

    /** The Case's fields, its Subject cut to the field's length: a retry finds the Case by the same Subject. */
    private ObjectNode caseFields(Exchange exchange, SalesforceClient client) {
        ConversationClosed event = ConversationExchange.event(exchange);
        ConversationUsers users = ConversationExchange.required(exchange, ConversationUsers.PROPERTY,
                ConversationUsers.class, "findConversationUsers");
        ObjectNode fields = mapping.get().caseFields(EventVariables.of(event));
        fitToFieldLengths.fit(steps.describe(client, "Case"), fields, ConversationExchange.outcome(exchange)::warn);
        fields.put("ContactId", contact(exchange).id());
        fields.put("OwnerId", users.agentUserId());
        return fields;
    }

    private static Person contact(Exchange exchange) {
        return ConversationExchange.required(exchange, FindConversationContact.PROPERTY, Person.class,
                "findConversationContact");
    }

    private static List<CaseChild> children(Exchange exchange) {
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

    private Map<String, JsonNode> send(SalesforceClient client, List<ObjectNode> subrequests) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("allOrNone", true);
        request.putArray("compositeRequest").addAll(subrequests);
        try {
            return CompositeAnswer.bodiesByReference(client.composite(request));
        } catch (SalesforceApiException e) {
            throw auditRefusal(client, e) ? new AuditFieldsNotPermitted(client.connection(), e) : e;
        }
    }

    /** The permission was withdrawn since CaseComment was described: describe again next time. */
    private boolean auditRefusal(SalesforceClient client, SalesforceApiException e) {
        boolean refused = mapping.get().auditFields() && "INVALID_FIELD_FOR_INSERT_UPDATE".equals(e.errorCode())
                && RequireAuditPermission.AUDIT_FIELDS.stream().anyMatch(e.fields()::contains);
        if (refused) {
            steps.describes().forget(client, "CaseComment");
        }
        return refused;
    }

    /**
     * A later request was refused for good after the Case was written: the Case goes (and its comments with it), so
     * that the failed event leaves nothing half written. A transient failure keeps the Case: the retry finds it
     * and writes what is missing.
     */
    private static void deleteIncompleteCase(SalesforceClient client, String caseId, SalesforceApiException failure) {
        try {
            client.send("DELETE", "/sobjects/Case/" + caseId, null);
        } catch (SalesforceApiException e) {
            failure.addSuppressed(e);
            LOG.warn("Case {} is incomplete and could not be deleted: {} {}", caseId, e.errorCode(), e.getMessage());
        }
    }
}
