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
 * The active Salesforce user with a given email, for OwnerId and audit fields. Answers are cached for a while:
 * the same few agents handle most events, and users change rarely. No active user: the connection's own user,
 * with a warning, so the record is still written and an operator sees whom to fix.
 */
public final class LookupUserByEmail {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    /** A cached answer and when it stops being trusted. */
    private record Cached(UserMatch match, Instant expires) {
    }

    private final SalesforceClient client;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public LookupUserByEmail(SalesforceClient client, Duration ttl, Clock clock) {
        this.client = client;
        this.ttl = ttl;
        this.clock = clock;
    }

    public UserMatch lookup(String email) {
        if (email == null || email.isBlank()) {
            return fallback("no email was given");
        }
        String key = email.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.match();
        }
        UserMatch match = query(email.strip());
        cache.put(key, new Cached(match, now.plus(ttl)));
        return match;
    }

    private UserMatch query(String email) {
        JsonNode users = client.query("SELECT Id, IsActive FROM User WHERE Email = " + SoqlEscaping.quote(email))
                .path("records");
        for (JsonNode user : users) {
            if (user.path("IsActive").asBoolean(false)) {
                return new UserMatch(user.path("Id").asText(), false, List.of());
            }
        }
        return fallback(users.isEmpty() ? "no Salesforce user has email " + email
                : "the Salesforce user with email " + email + " is inactive");
    }

    private UserMatch fallback(String reason) {
        String ownUser = client.runningUserId();
        return new UserMatch(ownUser, true, List.of(reason + "; using the connection's own user " + ownUser));
    }
}
