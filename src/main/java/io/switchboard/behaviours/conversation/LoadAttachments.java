package io.switchboard.behaviours.conversation;

import io.switchboard.events.ConversationClosed.Attachment;
import io.switchboard.events.ConversationClosed.Message;
import io.switchboard.mapping.AttachmentMode;
import io.switchboard.mapping.ConversationClosedMapping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import java.util.function.Supplier;

/**
 * In upload mode, gets every attachment's content before anything is written: inline {@code dataBase64} as sent,
 * otherwise downloaded from its {@code url}. Leaves {@link ConversationFiles} on the exchange (empty in link mode).
 */
public final class LoadAttachments implements Processor {
    private final Supplier<ConversationClosedMapping> mapping;
    private final DownloadAttachment download = new DownloadAttachment();

    public LoadAttachments(Supplier<ConversationClosedMapping> mapping) {
        this.mapping = mapping;
    }

    @Override
    public void process(Exchange exchange) throws IOException, InterruptedException {
        List<LoadedFile> files = new ArrayList<>();
        if (mapping.get().attachments() == AttachmentMode.UPLOAD) {
            for (Message message : ConversationExchange.event(exchange).messages()) {
                for (Attachment attachment : message.attachments()) {
                    files.add(new LoadedFile(attachment.fileName(), content(message, attachment)));
                }
            }
        }
        exchange.setProperty(ConversationFiles.PROPERTY, new ConversationFiles(files));
    }

    private String content(Message message, Attachment attachment) throws IOException, InterruptedException {
        if (attachment.dataBase64() != null) {
            return attachment.dataBase64();
        }
        String what = "attachment '" + attachment.fileName() + "' of message " + message.id();
        return Base64.getEncoder().encodeToString(download.download(attachment.url(), what));
    }
}
