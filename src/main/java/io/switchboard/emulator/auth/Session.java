package io.switchboard.emulator.auth;

/** A live access token and the user it acts for. */
public record Session(String accessToken, String userId, String username) {
}
