package io.switchboard.behaviours.conversation;

import java.util.List;

/** The conversation's comments in message order, long messages already split. */
record CaseComments(List<CommentDraft> comments) {
    static final String PROPERTY = "conversationComments";

    CaseComments {
        comments = List.copyOf(comments);
    }
}
