package io.switchboard.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.salesforce.SalesforceClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active Salesforce user with a given username, such as the user customer-side chat comments are posted as.
 * Cached like {@link LookupUserByEmail}; no active user is the connection's own user with a warning, so the
 * comment is still written and an operator sees which setting to fix.
 */
public final class LookupUserByUsername {

    /** A cached answer and when it stops being trusted. */
    private record Cached(UserMatch match, Instant expires) {
    }

    private final SalesforceClient client;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public LookupUserByUsername(SalesforceClient client, Duration ttl, Clock clock) {
        this.client = client;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** @param setting what configures the username, named in the warning when it is missing or wrong */
    public UserMatch lookup(String username, String setting) {
        if (username == null || username.isBlank()) {
            return fallback(setting + " is not set");
        }
        String key = username.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.match();
        }
        UserMatch match = query(username.strip(), setting);
        cache.put(key, new Cached(match, now.plus(ttl)));
        return match;
    }

    private UserMatch query(String username, String setting) {
        JsonNode users = client.query("SELECT Id, IsActive FROM User WHERE Username = " + SoqlEscaping.quote(username))
                .path("records");
        for (JsonNode user : users) {
            if (user.path("IsActive").asBoolean(false)) {
                return new UserMatch(user.path("Id").asText(), false, List.of());
            }
        }
        return fallback((users.isEmpty() ? "no Salesforce user has username " : "the Salesforce user ")
                + username + (users.isEmpty() ? "" : " is inactive") + " (" + setting + ")");
    }

    private UserMatch fallback(String reason) {
        String ownUser = client.runningUserId();
        return new UserMatch(ownUser, true, List.of(reason + "; using the connection's own user " + ownUser));
    }
}
