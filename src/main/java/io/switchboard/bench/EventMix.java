package io.switchboard.bench;

import io.switchboard.events.EventType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How often each event type occurs in the load, as whole-number weights. */
record EventMix(Map<EventType, Integer> weights) {
    /** Mostly conversations and calls, some referral traffic, as a contact centre beside Case Xchange sees it. */
    static final EventMix REALISTIC = new EventMix(Map.of(EventType.CONVERSATION_CLOSED, 4, EventType.CALL, 4,
            EventType.REFERRAL_STATUS_CHANGED, 1, EventType.CASE_ACKNOWLEDGED, 1));
    static final EventMix CONVERSATIONS = new EventMix(Map.of(EventType.CONVERSATION_CLOSED, 1));

    EventMix {
        weights = new EnumMap<>(weights);
    }

    /** Reads {@code conversation-closed=4,call=4,...}; types left out do not occur. */
    static EventMix parse(String text) {
        Map<EventType, Integer> weights = new EnumMap<>(EventType.class);
        for (String part : text.split(",")) {
            String[] pair = part.strip().split("=", 2);
            EventType type = EventType.fromPath(pair[0].strip()).orElseThrow(() -> new IllegalArgumentException(
                    "--mix names an unknown event type '" + pair[0].strip() + "'; expected " + typeNames()));
            weights.put(type, pair.length == 1 ? 1 : weight(pair[1].strip(), type));
        }
        if (weights.values().stream().allMatch(weight -> weight == 0)) {
            throw new IllegalArgumentException("--mix must give at least one event type a weight above 0");
        }
        return new EventMix(weights);
    }

    private static int weight(String value, EventType type) {
        try {
            int weight = Integer.parseInt(value);
            if (weight >= 0) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below, naming the type
        }
        throw new IllegalArgumentException("--mix weight of " + type.path() + " must be a whole number 0 or more, got '" + value + "'");
    }

    private static String typeNames() {
        return Arrays.stream(EventType.values()).map(EventType::path).collect(Collectors.joining(", "));
    }

    /** The type of the n-th event: the weights repeat in a short fixed cycle, so any stretch of the load has the mix. */
    EventType typeOf(long n) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        long slot = n % total;
        for (Map.Entry<EventType, Integer> entry : weights.entrySet()) {
            slot -= entry.getValue();
            if (slot < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("weights sum to " + total);
    }

    @Override
    public String toString() {
        return weights.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey().path() + "=" + entry.getValue()).collect(Collectors.joining(","));
    }
}
