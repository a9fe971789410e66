package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ProducedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Up to {@value #MAX_RECORDS} comments in one sObject collections subrequest: Salesforce inserts a collection's
 * records in array order, so the comments keep the order of the messages, and answers their ids in that order.
 */
record CommentCollection(List<CommentDraft> drafts, int number) implements CaseWrite {
    static final int MAX_RECORDS = 200;

    CommentCollection {
        drafts = List.copyOf(drafts);
    }

    @Override
    public List<ObjectNode> subrequests(Subrequests subrequests, String caseId) {
        List<ObjectNode> records = new ArrayList<>();
        for (CommentDraft draft : drafts) {
            records.add(draft.fields(caseId));
        }
        return List.of(subrequests.createAll("CaseComment", reference(), records));
    }

    @Override
    public int subrequestCount() {
        return 1;
    }

    @Override
    public int collectionCount() {
        return 1;
    }

    @Override
    public List<ProducedRecord> produced(Map<String, JsonNode> bodies) {
        List<ProducedRecord> produced = new ArrayList<>();
        for (JsonNode result : bodies.get(reference())) {
            produced.add(new ProducedRecord("CaseComment", result.path("id").asText(), "created"));
        }
        return produced;
    }

    private String reference() {
        return "comments" + number;
    }
}
