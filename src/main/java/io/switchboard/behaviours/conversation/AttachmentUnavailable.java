package io.switchboard.behaviours.conversation;

/**
 * A file the event cannot have (its host not allowed, a refusal such as 404, over the size limit, or every attempt
 * failed) while {@code attachments.whenUnavailable} is {@code fail}: the event fails with this message, which
 * names the file and its message and says why; a replay downloads afresh.
 */
final class AttachmentUnavailable extends RuntimeException {
    AttachmentUnavailable(String message) {
        super(message);
    }
}
