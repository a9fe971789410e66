package io.switchboard.behaviours.conversation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The comments and files an earlier attempt left under a Case. Each child the event would write claims the record
 * that is its own, at most once, so two identical messages still need two comments.
 */
final class WrittenChildren {
    /** A comment as Salesforce holds it. */
    record WrittenComment(String id, String body, Instant createdDate) {
    }

    /** A file published to the Case: its latest version and its document. */
    record WrittenFile(String versionId, String documentId, String title) {
    }

    private final Map<String, List<WrittenComment>> commentsByBody = new HashMap<>();
    private final Map<String, List<WrittenFile>> filesByTitle = new HashMap<>();

    WrittenChildren(List<WrittenComment> comments, List<WrittenFile> files) {
        comments.forEach(comment -> commentsByBody.computeIfAbsent(comment.body(), body -> new ArrayList<>()).add(comment));
        files.forEach(file -> filesByTitle.computeIfAbsent(file.title(), title -> new ArrayList<>()).add(file));
    }

    /**
     * The unclaimed comment with the draft's body and, with audit fields on, its CreatedDate; Salesforce keeps
     * CreatedDate to the second, so seconds are compared.
     */
    Optional<String> claimComment(CommentDraft draft) {
        Iterator<WrittenComment> candidates = commentsByBody.getOrDefault(draft.body(), new ArrayList<>()).iterator();
        while (candidates.hasNext()) {
            WrittenComment comment = candidates.next();
            if (draft.createdDate() == null || sameSecond(draft.createdDate(), comment.createdDate())) {
                candidates.remove();
                return Optional.of(comment.id());
            }
        }
        return Optional.empty();
    }

    Optional<WrittenFile> claimFile(String title) {
        List<WrittenFile> files = filesByTitle.getOrDefault(title, new ArrayList<>());
        return files.isEmpty() ? Optional.empty() : Optional.of(files.remove(0));
    }

    private static boolean sameSecond(Instant left, Instant right) {
        return right != null && left.truncatedTo(ChronoUnit.SECONDS).equals(right.truncatedTo(ChronoUnit.SECONDS));
    }
}
