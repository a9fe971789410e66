package io.switchboard.behaviours.conversation;

/**
 * An attachment's URL answered with a refusal (not found, forbidden) or a file over the size limit: retrying will
 * not help, so the event fails with this message, which names the file, the message and the URL.
 */
final class AttachmentUnavailable extends RuntimeException {
    AttachmentUnavailable(String message) {
        super(message);
    }
}
