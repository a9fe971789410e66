package io.switchboard.mapping;

import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.salesforce.SalesforceClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Describe results cached per connection and object: an org's schema changes rarely, and the mapping steps
 * would otherwise describe the same object for every event. They expire after a while, so that a field or
 * picklist value an admin adds is seen without a restart.
 */
public final class Describes {
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    /** A description (empty: no such object) and when it stops being trusted. */
    private record Cached(Optional<SObjectDescription> description, Instant expires) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Map<String, Cached>> byConnection = new ConcurrentHashMap<>();

    public Describes(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public Describes() {
        this(DEFAULT_TTL, Clock.systemUTC());
    }

    /**
     * The object's description, or empty when the org has no such object.
     *
     * @throws SalesforceApiException for any other refusal, which is not cached
     */
    public Optional<SObjectDescription> describe(SalesforceClient client, String sobject) {
        Map<String, Cached> cache =
                byConnection.computeIfAbsent(client.connection().name(), name -> new ConcurrentHashMap<>());
        Instant now = clock.instant();
        Cached cached = cache.get(sobject);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.description();
        }
        Optional<SObjectDescription> described = fetch(client, sobject);
        cache.put(sobject, new Cached(described, now.plus(ttl)));
        return described;
    }

    /**
     * Drops the cached description, so the next {@link #describe} asks Salesforce again: for when a write shows
     * the org has changed (a permission granted or withdrawn) since it was described.
     */
    public void forget(SalesforceClient client, String sobject) {
        Map<String, Cached> cache = byConnection.get(client.connection().name());
        if (cache != null) {
            cache.remove(sobject);
        }
    }

    private static Optional<SObjectDescription> fetch(SalesforceClient client, String sobject) {
        try {
            return Optional.of(SObjectDescription.fromDescribe(client.describe(sobject)));
        } catch (SalesforceApiException e) {
            if (e.status() == 404 || "NOT_FOUND".equals(e.errorCode()) || "INVALID_TYPE".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
