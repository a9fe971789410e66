package io.switchboard.mapping;

import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.salesforce.SalesforceClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Describe results cached per connection and object: an org's schema changes rarely, and the mapping steps
 * would otherwise describe the same object for every event.
 */
public final class Describes {
    private final Map<String, Map<String, Optional<SObjectDescription>>> byConnection = new ConcurrentHashMap<>();

    /**
     * The object's description, or empty when the org has no such object.
     *
     * @throws SalesforceApiException for any other refusal, which is not cached
     */
    public Optional<SObjectDescription> describe(SalesforceClient client, String sobject) {
        Map<String, Optional<SObjectDescription>> cache =
                byConnection.computeIfAbsent(client.connection().name(), name -> new ConcurrentHashMap<>());
        Optional<SObjectDescription> cached = cache.get(sobject);
        if (cached != null) {
            return cached;
        }
        Optional<SObjectDescription> described = fetch(client, sobject);
        cache.put(sobject, described);
        return described;
    }

    /**
     * Drops the cached description, so the next {@link #describe} asks Salesforce again: for when a write shows
     * the org has changed (a permission granted or withdrawn) since it was described.
     */
    public void forget(SalesforceClient client, String sobject) {
        Map<String, Optional<SObjectDescription>> cache = byConnection.get(client.connection().name());
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
