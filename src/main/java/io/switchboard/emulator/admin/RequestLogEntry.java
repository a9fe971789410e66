package io.switchboard.emulator.admin;

/**
 * One answered (or dropped) client request. Never holds tokens: the path is logged without its query string.
 *
 * @param status the HTTP status sent, or 0 when the connection was dropped without an answer
 * @param user the username of the calling session, or null
 * @param fault the injected fault, or null
 */
public record RequestLogEntry(String at, String method, String path, String host, int status, long durationMillis,
                              String user, String fault) {
}
