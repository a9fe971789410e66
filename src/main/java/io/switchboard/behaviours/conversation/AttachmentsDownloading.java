package io.switchboard.behaviours.conversation;

import io.switchboard.events.EventHold;
import java.time.Instant;

/**
 * The event's files are still downloading on the attachment pool: the event waits, pending, holding no worker
 * thread, and is made due again as soon as they settle. Raised by the route's first step, before any Salesforce
 * call, so the run wrote nothing and counts as no attempt.
 */
final class AttachmentsDownloading extends RuntimeException implements EventHold {
    static final String CODE = "ATTACHMENTS_DOWNLOADING";

    private final Instant dueAt;

    AttachmentsDownloading(int files, Instant dueAt) {
        // a wait, not an error: no stack trace to fill in on every run that waits
        super("waiting for " + files + " attachment download" + (files == 1 ? "" : "s") + " to finish", null, false,
                false);
        this.dueAt = dueAt;
    }

    @Override
    public Instant dueAt() {
        return dueAt;
    }

    @Override
    public boolean heldBeforeFirstCall() {
        return true;
    }

    @Override
    public String holdCode() {
        return CODE;
    }

    @Override
    public String holdReason() {
        return getMessage();
    }
}
