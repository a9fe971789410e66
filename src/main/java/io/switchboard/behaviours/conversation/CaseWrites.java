package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ProducedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The all-or-none {@code /composite} requests that write a conversation's Case and the comments and files still
 * missing under it, in order, and what they have written so far. The first request creates the Case (unless an
 * earlier attempt did) with as many children as fit, referring to it as {@code @{case.id}}; later ones carry the
 * Case's id. Carried through the route's loop as the exchange property {@link #PROPERTY}.
 */
public final class CaseWrites {
    public static final String PROPERTY = "switchboardCaseWrites";
    private static final String CASE_REFERENCE = "case";
    /** Without it, Case assignment rules could hand the Case to someone other than the agent. */
    private static final Map<String, String> KEEP_OWNER = Map.of("Sforce-Auto-Assign", "FALSE");

    private final Subrequests subrequests;
    private final ObjectNode caseFields;
    private final List<List<CaseWrite>> batches;
    private final List<ProducedRecord> produced = new ArrayList<>();
    private String caseId;
    private int next;

    private CaseWrites(Subrequests subrequests, ObjectNode caseFields, List<List<CaseWrite>> batches, String caseId) {
        this.subrequests = subrequests;
        this.caseFields = caseFields;
        this.batches = batches;
        this.caseId = caseId;
    }

    /** A Case to write with all its children. */
    static CaseWrites newCase(Subrequests subrequests, ObjectNode caseFields, List<CaseChild> children) {
        return new CaseWrites(subrequests, caseFields, CompositeBatches.withCase(children), null);
    }

    /**
     * Instead of this plan, the completion of the Case an earlier attempt wrote: the children found under it count as
     * this event's, the rest are written.
     */
    CaseWrites completing(WrittenCase written, List<CaseChild> children) {
        return complete(subrequests, written, children);
    }

    private static CaseWrites complete(Subrequests subrequests, WrittenCase written, List<CaseChild> children) {
        List<ProducedRecord> found = new ArrayList<>();
        found.add(new ProducedRecord("Case", written.id(), "created"));
        List<CaseChild> missing = new ArrayList<>();
        for (CaseChild child : children) {
            child.claimWritten(written.children()).ifPresentOrElse(found::addAll, () -> missing.add(child));
        }
        CaseWrites writes = new CaseWrites(subrequests, null, CompositeBatches.underCase(missing), written.id());
        writes.produced.addAll(found);
        return writes;
    }

    /** The fields of the Case to create, by which a retry also recognises the one an earlier attempt created. */
    ObjectNode caseFields() {
        return caseFields;
    }

    /** True once every request has been answered. */
    public boolean done() {
        return next >= batches.size();
    }

    /** The Case's id once it exists, written now or by an earlier attempt; empty before the first request's answer. */
    public Optional<String> caseId() {
        return Optional.ofNullable(caseId);
    }

    /** Whether the request about to go, or just refused, is the one that creates the Case. */
    boolean createsCase() {
        return caseId == null;
    }

    int remainingRequests() {
        return batches.size() - next;
    }

    /** The next request: {@code {"allOrNone":true,"compositeRequest":[...]}}. */
    ObjectNode nextRequest() {
        List<CaseWrite> batch = batches.get(next);
        List<ObjectNode> requests = new ArrayList<>();
        if (caseId == null) {
            requests.add(subrequests.create("Case", CASE_REFERENCE, caseFields, KEEP_OWNER));
        }
        requests.addAll(CompositeBatches.subrequestsOf(batch, subrequests,
                caseId == null ? "@{" + CASE_REFERENCE + ".id}" : caseId));
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("allOrNone", true);
        request.putArray("compositeRequest").addAll(requests);
        return request;
    }

    /**
     * The answer to the request {@link #nextRequest} made: what it wrote counts, and the next request follows.
     *
     * @throws io.switchboard.salesforce.SalesforceApiException the subrequest error that rolled the request back
     */
    void answered(JsonNode answer) {
        Map<String, JsonNode> bodies = CompositeAnswer.bodiesByReference(answer);
        if (caseId == null) {
            caseId = bodies.get(CASE_REFERENCE).path("id").asText();
            produced.add(new ProducedRecord("Case", caseId, "created"));
        }
        batches.get(next).forEach(write -> produced.addAll(write.produced(bodies)));
        next++;
    }

    List<ProducedRecord> produced() {
        return List.copyOf(produced);
    }
}
