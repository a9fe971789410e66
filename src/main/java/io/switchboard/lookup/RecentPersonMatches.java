package io.switchboard.lookup;

import io.switchboard.mapping.Person;
import io.switchboard.mapping.PhoneNumbers;
import io.switchboard.mapping.SearchTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phone searches of one connection remembered for a while, so that a customer who writes or calls again soon costs
 * no search: the same few numbers come back within minutes. A person this engine creates is remembered too, which
 * also finds it while Salesforce's search index has not caught up with it. Only found persons are remembered: a
 * number nobody had may belong to someone created in Salesforce a moment later.
 */
public final class RecentPersonMatches {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    /** Past this many numbers, expired ones are dropped, and all of them if none has expired. */
    private static final int MAX_ENTRIES = 10_000;

    private record Key(String number, List<SearchTarget> targets) {
    }

    private record Cached(PersonSearchResult result, Instant expires) {
    }

    private final FindPersonByPhone finder;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    public RecentPersonMatches(FindPersonByPhone finder, Duration ttl, Clock clock) {
        this.finder = finder;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** What {@link FindPersonByPhone#find} answers, from memory when the number was found recently. */
    public PersonSearchResult find(String phone, List<SearchTarget> targets) {
        Key key = key(phone, targets);
        Cached cached = cache.get(key);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return cached.result();
        }
        PersonSearchResult result = finder.find(phone, targets);
        if (result.found().isPresent()) {
            put(key, result);
        }
        return result;
    }

    /** A person just created for the number: the next search on the same objects finds it without asking. */
    public void remember(String phone, List<SearchTarget> targets, Person created) {
        if (!PhoneNumbers.parse(phone).searchable()) {
            return;
        }
        put(key(phone, targets), new PersonSearchResult(List.of(created), List.of()));
    }

    /** Salesforce no longer has the person (deleted or merged): every number that led to it is searched again. */
    public void forget(String personId) {
        cache.values().removeIf(cached -> cached.result().matches().stream()
                .anyMatch(person -> person.id().equals(personId)));
    }

    private void put(Key key, PersonSearchResult result) {
        Instant now = clock.instant();
        if (cache.size() >= MAX_ENTRIES) {
            cache.values().removeIf(cached -> !now.isBefore(cached.expires()));
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
        }
        cache.put(key, new Cached(result, now.plus(ttl)));
    }

    /** Formatting never matters: {@code +39 333 123 4567} and {@code +393331234567} share an entry. */
    private static Key key(String phone, List<SearchTarget> targets) {
        return new Key(PhoneNumbers.parse(phone).e164(), List.copyOf(targets));
    }
}
