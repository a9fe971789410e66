package io.switchboard.behaviours.conversation;

import io.switchboard.attachments.AttachmentDownloads;
import io.switchboard.attachments.FileKey;
import io.switchboard.attachments.FileState;
import io.switchboard.events.ConversationClosed;
import io.switchboard.events.ConversationClosed.Attachment;
import io.switchboard.events.ConversationClosed.Message;
import io.switchboard.events.EventOutcome;
import io.switchboard.mapping.AttachmentMode;
import io.switchboard.mapping.AttachmentSettings;
import io.switchboard.mapping.ConversationClosedMapping;
import io.switchboard.mapping.WhenUnavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The route's first step, so that an event that fails for its files has written nothing, not even a Contact:
 * decides for every attachment whether it is uploaded (inline {@code dataBase64} as sent, or downloaded from its
 * {@code url} on the {@link AttachmentDownloads} pool from an allowed host) or linked in its comment. While any
 * download is under way the event waits ({@link AttachmentsDownloading}) instead of holding a worker; a file that
 * cannot be had fails the event or is linked with a warning, as {@code attachments.whenUnavailable} says. Leaves
 * {@link ConversationFiles} on the exchange.
 */
public final class LoadAttachments implements Processor {
    private final Supplier<ConversationClosedMapping> mapping;
    private final AttachmentDownloads downloads;

    public LoadAttachments(Supplier<ConversationClosedMapping> mapping, AttachmentDownloads downloads) {
        this.mapping = mapping;
        this.downloads = downloads;
    }

    @Override
    public void process(Exchange exchange) {
        ConversationClosed event = ConversationExchange.event(exchange);
        AttachmentSettings settings = mapping.get().attachments();
        if (settings.mode() == AttachmentMode.LINK) {
            exchange.setProperty(ConversationFiles.PROPERTY, ConversationFiles.allLinked(event));
            return;
        }
        String eventId = ConversationExchange.eventId(exchange);
        FilesSoFar files = new FilesSoFar();
        for (int m = 0; m < event.messages().size(); m++) {
            Message message = event.messages().get(m);
            for (int a = 0; a < message.attachments().size(); a++) {
                load(settings, eventId, new ConversationFiles.Position(m, a), message, files);
            }
        }
        if (files.downloading > 0) {
            throw new AttachmentsDownloading(files.downloading, files.dueAt);
        }
        downloads.release(eventId);
        EventOutcome outcome = ConversationExchange.outcome(exchange);
        files.warnings.forEach(outcome::warn);
        exchange.setProperty(ConversationFiles.PROPERTY, new ConversationFiles(files.uploads, files.links));
    }

    private void load(AttachmentSettings settings, String eventId, ConversationFiles.Position position, Message message,
                      FilesSoFar files) {
        Attachment attachment = message.attachments().get(position.attachment());
        String what = "attachment '" + attachment.fileName() + "' of message " + message.id();
        if (attachment.dataBase64() != null) {
            files.uploads.add(new LoadedFile(attachment.fileName(), attachment.dataBase64()));
            return;
        }
        if (settings.allowedHosts().isEmpty()) {
            files.link(position, what + ": downloads are off until attachments.allowedHosts lists the host; "
                    + "the comment links to the file");
            return;
        }
        FileState state = downloads.fetch(new FileKey(eventId, position.message(), position.attachment(),
                attachment.url()), settings.request(attachment.url()));
        if (state instanceof FileState.Pending pending) {
            files.waitFor(pending.expectedBy());
        } else if (state instanceof FileState.Downloaded downloaded) {
            files.uploads.add(new LoadedFile(attachment.fileName(),
                    Base64.getEncoder().encodeToString(downloaded.content())));
        } else if (state instanceof FileState.Unavailable unavailable) {
            if (settings.whenUnavailable() == WhenUnavailable.FAIL) {
                // a replay must download afresh, and the event's other files are no longer wanted
                downloads.release(eventId);
                throw new AttachmentUnavailable(what + ": " + unavailable.reason());
            }
            files.link(position, what + ": " + unavailable.reason());
        }
    }

    /** What the attachments looked at so far came to. */
    private static final class FilesSoFar {
        private final List<LoadedFile> uploads = new ArrayList<>();
        private final Set<ConversationFiles.Position> links = new HashSet<>();
        /** Reported only when the event goes on: a run that waits records nothing. */
        private final List<String> warnings = new ArrayList<>();
        private int downloading;
        private Instant dueAt = Instant.MIN;

        void link(ConversationFiles.Position position, String warning) {
            links.add(position);
            warnings.add(warning);
        }

        void waitFor(Instant expectedBy) {
            downloading++;
            dueAt = expectedBy.isAfter(dueAt) ? expectedBy : dueAt;
        }
    }
}
