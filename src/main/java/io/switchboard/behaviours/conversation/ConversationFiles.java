package io.switchboard.behaviours.conversation;

import java.util.List;

/** The files to upload to the Case, in message order; empty in link mode. */
record ConversationFiles(List<LoadedFile> files) {
    static final String PROPERTY = "conversationFiles";

    ConversationFiles {
        files = List.copyOf(files);
    }
}
