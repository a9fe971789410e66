package io.switchboard.behaviours.conversation;

import io.switchboard.events.ConversationClosed;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What becomes of the chat's files: those to upload to the Case, in message order, and the attachments whose URL
 * goes into their message's comment instead (all of them in link mode; in upload mode those not downloaded).
 */
record ConversationFiles(List<LoadedFile> files, Set<Position> links) {
    static final String PROPERTY = "conversationFiles";

    /** An attachment's place: its message's index in the event, and its own among the message's attachments. */
    record Position(int message, int attachment) {
    }

    ConversationFiles {
        files = List.copyOf(files);
        links = Set.copyOf(links);
    }

    /** Link mode: nothing uploaded, every attachment linked. */
    static ConversationFiles allLinked(ConversationClosed event) {
        Set<Position> links = new HashSet<>();
        for (int message = 0; message < event.messages().size(); message++) {
            for (int attachment = 0; attachment < event.messages().get(message).attachments().size(); attachment++) {
                links.add(new Position(message, attachment));
            }
        }
        return new ConversationFiles(List.of(), links);
    }

    boolean linked(int message, int attachment) {
        return links.contains(new Position(message, attachment));
    }
}
