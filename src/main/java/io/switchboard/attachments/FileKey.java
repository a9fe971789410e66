package io.switchboard.attachments;

/**
 * One attachment of one event: its message and place among the message's attachments, and its URL. An event's
 * runs ask for the same file under the same key, so it is downloaded once however often the event runs.
 */
public record FileKey(String eventId, int message, int attachment, String url) {
}
