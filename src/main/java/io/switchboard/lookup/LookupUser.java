package io.switchboard.lookup;

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
 * The active Salesforce user whose Email (an agent, for OwnerId) or Username (the user customer-side chat comments
 * are posted as) is a given value. Answers are cached for a while: the same few users serve most events, and users
 * change rarely. No active user: the connection's own user, with a warning, so the record is still written and an
 * operator sees whom or which setting to fix.
 */
public final class LookupUser {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    /** The User field looked up by. */
    public enum By {
        EMAIL("Email", "email"), USERNAME("Username", "username");

        private final String field;
        private final String label;

        By(String field, String label) {
            this.field = field;
            this.label = label;
        }
    }

    /** A cached answer and when it stops being trusted. */
    private record Cached(UserMatch match, Instant expires) {
    }

    private final SalesforceClient client;
    private final By by;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public LookupUser(SalesforceClient client, By by, Duration ttl, Clock clock) {
        this.client = client;
        this.by = by;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The user with this value, which comes from the event. */
    public UserMatch lookup(String value) {
        return lookup(value, null);
    }

    /** @param setting what configures the value, named in the warning when it is missing or wrong; null for none */
    public UserMatch lookup(String value, String setting) {
        if (value == null || value.isBlank()) {
            return fallback(setting != null ? setting + " is not set" : "no " + by.label + " was given");
        }
        String key = value.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.match();
        }
        UserMatch match = query(value.strip(), setting);
        cache.put(key, new Cached(match, now.plus(ttl)));
        return match;
    }

    private UserMatch query(String value, String setting) {
        JsonNode users = client.query("SELECT Id, IsActive FROM User WHERE " + by.field + " = " + SoqlEscaping.quote(value))
                .path("records");
        for (JsonNode user : users) {
            if (user.path("IsActive").asBoolean(false)) {
                return new UserMatch(user.path("Id").asText(), false, List.of());
            }
        }
        String reason = users.isEmpty() ? "no Salesforce user has " + by.label + " " + value
                : "the Salesforce user with " + by.label + " " + value + " is inactive";
        return fallback(setting == null ? reason : reason + " (" + setting + ")");
    }

    private UserMatch fallback(String reason) {
        String ownUser = client.runningUserId();
        return new UserMatch(ownUser, true, List.of(reason + "; using the connection's own user " + ownUser));
    }
}
