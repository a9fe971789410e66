package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs the Case's children into as few {@code /composite} requests as Salesforce allows, in order: runs of
 * comments go in sObject collections of up to 200, files one by one; a request holds at most 25 subrequests, of
 * which at most 5 collections, and never splits one write's subrequests.
 */
final class CompositeBatches {
    static final int MAX_SUBREQUESTS = 25;
    static final int MAX_COLLECTIONS = 5;

    private CompositeBatches() {
    }

    /** For a new Case: the first request also creates the Case, so it has one slot less; it may hold no child. */
    static List<List<CaseWrite>> withCase(List<CaseChild> children) {
        return pack(writes(children), MAX_SUBREQUESTS - 1);
    }

    /** For a Case that exists already: no request at all when there is nothing to write. */
    static List<List<CaseWrite>> underCase(List<CaseChild> children) {
        return children.isEmpty() ? List.of() : pack(writes(children), MAX_SUBREQUESTS);
    }

    static List<ObjectNode> subrequestsOf(List<CaseWrite> batch, Subrequests subrequests, String caseId) {
        List<ObjectNode> all = new ArrayList<>();
        batch.forEach(write -> all.addAll(write.subrequests(subrequests, caseId)));
        return all;
    }

    /** Consecutive comments share collections; each file is a write of its own. */
    private static List<CaseWrite> writes(List<CaseChild> children) {
        List<CaseWrite> writes = new ArrayList<>();
        List<CommentDraft> run = new ArrayList<>();
        for (CaseChild child : children) {
            if (child instanceof CaseChild.Comment comment) {
                if (run.size() == CommentCollection.MAX_RECORDS) {
                    writes.add(new CommentCollection(run, writes.size() + 1));
                    run = new ArrayList<>();
                }
                run.add(comment.draft());
            } else {
                if (!run.isEmpty()) {
                    writes.add(new CommentCollection(run, writes.size() + 1));
                    run = new ArrayList<>();
                }
                writes.add((CaseChild.File) child);
            }
        }
        if (!run.isEmpty()) {
            writes.add(new CommentCollection(run, writes.size() + 1));
        }
        return writes;
    }

    private static List<List<CaseWrite>> pack(List<CaseWrite> writes, int firstFree) {
        List<List<CaseWrite>> batches = new ArrayList<>();
        List<CaseWrite> current = new ArrayList<>();
        int free = firstFree;
        int freeCollections = MAX_COLLECTIONS;
        for (CaseWrite write : writes) {
            if (write.subrequestCount() > free || write.collectionCount() > freeCollections) {
                batches.add(current);
                current = new ArrayList<>();
                free = MAX_SUBREQUESTS;
                freeCollections = MAX_COLLECTIONS;
            }
            current.add(write);
            free -= write.subrequestCount();
            freeCollections -= write.collectionCount();
        }
        batches.add(current);
        return batches;
    }
}
