package io.switchboard.mapping;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A value map from an event's values to Salesforce's (a channel to a {@code Case.Origin}, a Case Xchange status to
 * a {@code Status__c}). A value the map does not know fails the event with the values it does know.
 *
 * @param target what the mapped values are, for messages, such as {@code Case.Origin}
 * @param source what is mapped, for messages, such as {@code channel}
 * @param location where the map is configured, for messages, such as {@code case.origin in config/conversation-closed.yaml}
 */
public record MapValue(String target, String source, String location, Map<String, String> values) {

    public MapValue {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The mapped value; an exact match first, then one that differs only in case. */
    public String apply(String input) {
        return find(input).orElseThrow(() -> new MappingException("no " + target + " value for " + source + " '"
                + input + "': add it to " + location + ", which maps " + String.join(", ", values.keySet())));
    }

    public Optional<String> find(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String exact = values.get(input);
        if (exact != null) {
            return Optional.of(exact);
        }
        return values.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(input.strip()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The listed inputs the map does not cover, in the order they were listed. */
    public List<String> missing(Collection<String> required) {
        return required.stream().filter(value -> !values.containsKey(value)).toList();
    }

    /** Inputs mapped that are not in the list: usually a typo in one of the two. */
    public List<String> unlisted(Collection<String> listed) {
        List<String> lowerListed = listed.stream().map(value -> value.toLowerCase(Locale.ROOT)).toList();
        return values.keySet().stream().filter(key -> !lowerListed.contains(key.toLowerCase(Locale.ROOT))).toList();
    }
}
