package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ProducedRecord;
import java.util.List;
import java.util.Map;

/** A write under the Case: its subrequests, which must share one composite request, and the records they made. */
interface CaseWrite {

    /** @param caseId the Case's id, or {@code @{case.id}} in the composite request that creates it */
    List<ObjectNode> subrequests(Subrequests subrequests, String caseId);

    /** How many subrequests {@link #subrequests} makes. */
    int subrequestCount();

    /** How many of them are sObject collections, of which Salesforce takes only a few per composite request. */
    int collectionCount();

    /** The records made, read from the composite answer's bodies by referenceId. */
    List<ProducedRecord> produced(Map<String, JsonNode> bodies);
}
