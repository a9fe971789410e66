package io.switchboard.emulator.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Issued access and refresh tokens; expiring them on demand is how tests make a client log in again. */
public final class SessionRegistry {
    private final SecureRandom random = new SecureRandom();
    private final String orgId;
    private final Map<String, String> initialRefreshTokens;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    /** @param initialRefreshTokens refresh token to user id, as the seeded org hands them out */
    public SessionRegistry(String orgId, Map<String, String> initialRefreshTokens) {
        this.orgId = orgId;
        this.initialRefreshTokens = Map.copyOf(initialRefreshTokens);
        refreshTokens.putAll(initialRefreshTokens);
    }

    /** A new token shaped like Salesforce's: the 15-character org id, '!', then random characters. */
    public Session open(String userId, String username) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = orgId.substring(0, 15) + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session session = new Session(token, userId, username);
        sessions.put(token, session);
        return session;
    }

    public Optional<Session> find(String accessToken) {
        return Optional.ofNullable(accessToken).map(sessions::get);
    }

    public Optional<String> refreshTokenUser(String refreshToken) {
        return Optional.ofNullable(refreshToken).map(refreshTokens::get);
    }

    /** Invalidates an access or a refresh token; unknown tokens are ignored, as revoking twice is harmless. */
    public void revoke(String token) {
        sessions.remove(token);
        refreshTokens.remove(token);
    }

    public void expireAll() {
        sessions.clear();
    }

    public void expireUser(String userId) {
        sessions.values().removeIf(session -> session.userId().equals(userId));
    }

    /** Restores the seeded refresh tokens; access tokens stay valid across a data reset. */
    public void reset() {
        refreshTokens.clear();
        refreshTokens.putAll(initialRefreshTokens);
    }
}
