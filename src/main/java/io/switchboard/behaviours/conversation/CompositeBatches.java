package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs the Case's children into as few {@code /composite} requests as Salesforce allows (25 subrequests each),
 * in order, never splitting a child's subrequests.
 */
final class CompositeBatches {
    static final int MAX_SUBREQUESTS = 25;

    private CompositeBatches() {
    }

    /** For a new Case: the first request also creates the Case, so it has one slot less; it may hold no child. */
    static List<List<CaseChild>> withCase(List<CaseChild> children) {
        return pack(children, MAX_SUBREQUESTS - 1);
    }

    /** For a Case that exists already: no request at all when there is nothing to write. */
    static List<List<CaseChild>> underCase(List<CaseChild> children) {
        return children.isEmpty() ? List.of() : pack(children, MAX_SUBREQUESTS);
    }

    private static List<List<CaseChild>> pack(List<CaseChild> children, int firstFree) {
        List<List<CaseChild>> batches = new ArrayList<>();
        List<CaseChild> current = new ArrayList<>();
        int free = firstFree;
        for (CaseChild child : children) {
            int size = child.subrequestCount();
            if (size > free) {
                batches.add(current);
                current = new ArrayList<>();
                free = MAX_SUBREQUESTS;
            }
            current.add(child);
            free -= size;
        }
        batches.add(current);
        return batches;
    }

    static List<ObjectNode> subrequestsOf(List<CaseChild> batch, Subrequests subrequests, String caseId) {
        List<ObjectNode> all = new ArrayList<>();
        batch.forEach(child -> all.addAll(child.subrequests(subrequests, caseId)));
        return all;
    }
}
