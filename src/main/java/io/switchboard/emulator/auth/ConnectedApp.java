package io.switchboard.emulator.auth;

/**
 * The one connected app of the emulated org and the credentials its users log in with.
 *
 * @param runAsUsername the user the client-credentials flow runs as
 * @param password every user's password; the username-password flow wants it followed by {@code securityToken}
 */
public record ConnectedApp(String clientId, String clientSecret, String runAsUsername, String password,
                           String securityToken) {
}
